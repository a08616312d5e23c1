//! Site navigation from a locale's folder tree.
//!
//! Every page shows the top level, and the folders on the way to itself
//! opened, with their pages. Rendering the whole tree on every page would
//! make a 10,000-page site quadratic in output size; this way a page costs
//! the size of its own path through the tree. Entries come in file-name
//! order, so every locale lists the same things in the same place, but
//! for those a page's front matter gives a `weight` (a folder's, its
//! `index.md`'s), which come first, lightest first, as Hugo and Zola
//! order pages: a knowledge base puts "Get started" before "Advanced"
//! without numbering its file names. Translations copy their source's
//! front matter, weights included.

use std::collections::HashMap;

use serde::Serialize;

use crate::site::Page;

#[derive(Debug, Default)]
struct Node {
    /// Folder or file name, for ordering and as the label of a folder without `index.md`.
    name: String,
    /// The page this node stands for: the page itself, or a folder's `index.md`.
    page: Option<usize>,
    parent: usize,
    children: Vec<usize>,
    is_folder: bool,
}

/// One locale's folder tree. Node 0 is the locale root.
#[derive(Debug, Default)]
pub struct NavTree {
    nodes: Vec<Node>,
    /// Page index -> node index.
    node_of: HashMap<usize, usize>,
}

/// One line of the navigation.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NavItem {
    /// The tree node this line stands for.
    #[serde(skip)]
    pub node: usize,
    pub depth: usize,
    pub label: String,
    /// Output path of the page it links to (the render stage makes it relative).
    pub target: Option<String>,
    /// Where on that page: a section, an API member's heading.
    pub fragment: Option<String>,
    pub folder: bool,
    /// A folder on the way to the current page, shown with its children.
    pub open: bool,
}

impl NavTree {
    pub fn build(pages: &[Page], locale: usize) -> NavTree {
        let root = Node {
            is_folder: true,
            ..Node::default()
        };
        let mut tree = NavTree {
            nodes: vec![root],
            node_of: HashMap::new(),
        };
        let mut folders: HashMap<String, usize> = HashMap::new();
        for (index, page) in pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.locale() == locale && p.listed())
        {
            let parts: Vec<&str> = page.source.rel_path.split('/').collect();
            let Some((file, dirs)) = parts.split_last() else {
                continue;
            };
            let mut parent = 0;
            for depth in 0..dirs.len() {
                let key = dirs[..=depth].join("/").to_lowercase();
                parent = match folders.get(&key) {
                    Some(&node) => node,
                    None => {
                        let folder = Node {
                            name: dirs[depth].to_owned(),
                            is_folder: true,
                            ..Node::default()
                        };
                        let node = tree.push(parent, folder);
                        folders.insert(key, node);
                        node
                    }
                };
            }
            if crate::site::FOLDER_PAGES
                .iter()
                .any(|name| file.eq_ignore_ascii_case(name))
            {
                tree.nodes[parent].page = Some(index);
                tree.node_of.insert(index, parent);
            } else {
                let node = tree.push(
                    parent,
                    Node {
                        name: (*file).to_owned(),
                        page: Some(index),
                        ..Node::default()
                    },
                );
                tree.node_of.insert(index, node);
            }
        }
        // Weighted first (`None` sorts after every `Some`), then by name.
        let keys: Vec<(bool, Option<i64>, String)> = (tree.nodes.iter())
            .map(|n| {
                let weight = n.page.and_then(|p| {
                    let source = &pages[p].source;
                    source.meta.own_integer(&source.text, "weight")
                });
                (weight.is_none(), weight, n.name.to_lowercase())
            })
            .collect();
        for node in &mut tree.nodes {
            node.children.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        }
        tree
    }

    fn push(&mut self, parent: usize, mut node: Node) -> usize {
        node.parent = parent;
        self.nodes.push(node);
        let index = self.nodes.len() - 1;
        self.nodes[parent].children.push(index);
        index
    }

    /// Number of nodes; node indices are below it.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the locale has no pages.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// The node standing for `page` (a folder's node for its `index.md`).
    pub fn node_of(&self, page: usize) -> Option<usize> {
        self.node_of.get(&page).copied()
    }

    /// The folder whose navigation `page` shows: the folder it is in, or
    /// for a folder's `index.md`, that folder. All pages with the same
    /// context show the same list but for which line is current, so the
    /// render stage builds the list once per context.
    pub fn context_of(&self, page: usize) -> usize {
        match self.node_of(page) {
            Some(n) if self.nodes[n].is_folder => n,
            Some(n) => self.nodes[n].parent,
            None => 0,
        }
    }

    /// The navigation inside folder `context`: the top level, plus the
    /// folders from the top down to `context`, opened. No line is current.
    pub fn items(&self, pages: &[Page], context: usize) -> Vec<NavItem> {
        let mut on_path = Vec::new();
        let mut node = context;
        while node != 0 {
            on_path.push(node);
            node = self.nodes[node].parent;
        }
        let mut out = Vec::new();
        self.walk(pages, 0, 0, &on_path, &mut out);
        out
    }

    fn walk(
        &self,
        pages: &[Page],
        node: usize,
        depth: usize,
        on_path: &[usize],
        out: &mut Vec<NavItem>,
    ) {
        for &child in &self.nodes[node].children {
            let n = &self.nodes[child];
            let open = n.is_folder && on_path.contains(&child);
            let label = match n.page {
                Some(p) => pages[p].title.clone(),
                None => n.name.clone(),
            };
            out.push(NavItem {
                node: child,
                depth,
                label,
                target: self.first_page(child).map(|p| pages[p].out_path.clone()),
                fragment: None,
                folder: n.is_folder,
                open,
            });
            if open {
                self.walk(pages, child, depth + 1, on_path, out);
            }
        }
    }

    /// The locale's pages in the order the navigation lists them: a
    /// folder's `index.md` before the folder's other pages.
    pub fn pages_in_order(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![0];
        while let Some(node) = stack.pop() {
            let n = &self.nodes[node];
            out.extend(n.page);
            stack.extend(n.children.iter().rev());
        }
        out
    }

    /// The page a node links to: its own, or for a folder without
    /// `index.md`, its first page in order.
    fn first_page(&self, node: usize) -> Option<usize> {
        let n = &self.nodes[node];
        n.page
            .or_else(|| n.children.iter().find_map(|&c| self.first_page(c)))
    }
}
