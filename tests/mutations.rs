//! Real translation groups, mutated, through every command: none may
//! panic. `random_sites_never_panic` (bad_input.rs) builds sites from
//! pieces of syntax; this takes the real pages of `tests/data` (side-by-side
//! spans, long tables, machine-translation debris in nine languages) and
//! breaks them the way edits and merges do: lines deleted, repeated,
//! swapped or taken from another locale, text cut short, characters
//! replaced, spaces turned into no-break or ideographic ones. The first
//! such hunt found `glued-no-loc-term` cutting inside a no-break space.
//!
//! `POLYDOC_MUTATED_SITES=N` runs N sites instead of a few, `FROM..TO`
//! the seeds from FROM to TO (a hunt, not a test to keep slow; about 0.3 s
//! a site in a debug build).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;

/// What a mutation may put into a page.
const PIECES: &[&str] = &[
    "\\",
    "_",
    "\\_",
    " \\_ ",
    "*",
    "**",
    "[",
    "]",
    "(",
    ")",
    "](",
    "<",
    ">",
    "|",
    "`",
    "```",
    ":",
    "::",
    " :: ",
    "#",
    "\n",
    "\n\n",
    "é",
    "日",
    "🙂",
    "\u{a0}",
    "\u{3000}",
    "\u{2003}",
    "\u{200b}",
    "\u{feff}",
    "\u{301}",
    "İ",
    "ß",
    "\t",
    "\r",
    "\r\n",
    "ж",
    ". ",
    "<a name=\"",
    "</a>",
    "> [!NOTE]\n> ",
    "[!",
    "@no__t-0",
    "0x8007232A",
    "| ",
    "\n|a|b|\n|-|-|\n",
    "- ",
    "1. ",
    "<span class=\"sxs-lookup\">",
    "</span>",
    "<span data-ttu-id=\"x\">",
    "%%amp;quot;",
    "---",
    "\n---\n",
    ":::",
    "[x](#",
    "](a.md#",
    "<xref:",
    "&#",
    "/",
    "-",
];

/// A translation group: each page's locale, path below the locale folder
/// and file.
type Group = Vec<(String, String, PathBuf)>;

/// The sites of `tests/data`: (root, content folder).
fn real_sites() -> Vec<(PathBuf, PathBuf)> {
    let data = repo().join("tests/data");
    let mut sites = vec![(data.clone(), data.join("real"))];
    for name in [
        "real-aad",
        "real-cpp",
        "real-powershell",
        "real-sql",
        "real-win32",
        "real-dynamics",
        "real-intune",
        "real-graph",
        "real-wmi",
        "real-wtnca",
        "real-syserr",
        "real-debugger",
        "real-vs",
        "real-azure",
    ] {
        sites.push((data.join(name), data.join(name).join("content")));
    }
    sites
}

/// A site's translation groups of two pages or more (pages whose paths
/// below their locale folders are the same in any case).
fn groups(content: &Path) -> Vec<Group> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for locale in std::fs::read_dir(content).unwrap().flatten() {
        let tag = locale.file_name().to_string_lossy().into_owned();
        for file in walkdir::WalkDir::new(locale.path()).into_iter().flatten() {
            let rel = file.path().strip_prefix(locale.path()).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            if rel.ends_with(".md") {
                let entry = (tag.clone(), rel.clone(), file.path().to_path_buf());
                groups.entry(rel.to_lowercase()).or_default().push(entry);
            }
        }
    }
    groups.into_values().filter(|g| g.len() >= 2).collect()
}

/// A small deterministic generator (xorshift), as `random_site`'s.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn piece(&mut self) -> &'static str {
        PIECES[self.below(PIECES.len())]
    }
}

/// The byte offset of a random character boundary of `text`.
fn boundary(dice: &mut Dice, text: &str) -> usize {
    let chars = text.chars().count();
    text.char_indices()
        .map(|(i, _)| i)
        .nth(dice.below(chars + 1))
        .unwrap_or(text.len())
}

/// `text` with one mutation; `other` is a page of another locale.
fn mutate(dice: &mut Dice, text: &str, other: &str) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let at = dice.below(lines.len());
    match dice.below(10) {
        0 => {
            let end = (at + 1 + dice.below(5)).min(lines.len());
            lines.drain(at..end);
        }
        1 => {
            let line = lines[at];
            lines.insert(at, line);
        }
        2 => {
            let other = dice.below(lines.len());
            lines.swap(at, other);
        }
        3 => {
            let theirs: Vec<&str> = other.split('\n').collect();
            lines.insert(at, theirs[dice.below(theirs.len())]);
        }
        4 => {
            let space = ["\u{a0}", "\u{3000}", "\u{2003}", "\t", "  "][dice.below(5)];
            let spaced = lines[at].replace(' ', space);
            let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            out[at] = spaced;
            return out.join("\n");
        }
        kind => {
            let i = boundary(dice, text);
            let (head, tail) = text.split_at(i);
            let skip = |n: usize| tail.char_indices().nth(n).map_or("", |(k, _)| &tail[k..]);
            return match kind {
                5 => head.to_owned(),
                6 => format!("{head}{}{tail}", dice.piece()),
                7 => format!("{head}{}{}", dice.piece(), skip(1)),
                8 => format!("{head}{}", skip(1 + dice.below(20))),
                _ => {
                    // A slice of the text moved elsewhere.
                    let window = tail
                        .char_indices()
                        .nth(200)
                        .map_or(tail, |(k, _)| &tail[..k]);
                    let j = i + boundary(dice, window);
                    let (moved, rest) = (&text[i..j], format!("{head}{}", &text[j..]));
                    let k = boundary(dice, &rest);
                    format!("{}{moved}{}", &rest[..k], &rest[k..])
                }
            };
        }
    }
    lines.join("\n")
}

/// A site of one or two real translation groups, some pages mutated.
fn mutated_site(seed: u64, sites: &[(PathBuf, Vec<Group>)]) -> Fixture {
    let mut dice = Dice(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let (root, groups) = &sites[dice.below(sites.len())];
    let site = Fixture::new();
    let mut config = std::fs::read_to_string(root.join("polydoc.toml")).unwrap_or_default();
    let picked: Vec<usize> = (0..1 + dice.below(2))
        .map(|_| dice.below(groups.len()))
        .collect();
    let english = picked
        .iter()
        .any(|&g| groups[g].iter().any(|(l, ..)| l == "en-us"));
    if english && dice.below(2) == 0 {
        config.push_str("\nsource = \"en-us\"\n");
    }
    site.write("polydoc.toml", config);
    for g in picked {
        let texts: Vec<String> = groups[g]
            .iter()
            .map(|(.., file)| String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned())
            .collect();
        for (k, (locale, rel, _)) in groups[g].iter().enumerate() {
            let mut text = texts[k].clone();
            if dice.below(10) < 7 {
                let other = &texts[(k + 1) % texts.len()];
                for _ in 0..1 + dice.below(6) {
                    text = mutate(&mut dice, &text, other);
                }
            }
            site.write(&format!("content/{locale}/{rel}"), text);
        }
    }
    site
}

#[test]
fn mutated_real_pages_never_panic() {
    // `N`, or `FROM..TO` to split a hunt between processes.
    let seeds = std::env::var("POLYDOC_MUTATED_SITES").unwrap_or_default();
    let seeds = match seeds.split_once("..") {
        Some((from, to)) => from.parse().unwrap_or(0)..to.parse().unwrap_or(0),
        None => 0..seeds.parse().unwrap_or(12),
    };
    let sites: Vec<_> = real_sites()
        .into_iter()
        .map(|(root, content)| (root, groups(&content)))
        .collect();
    let mut with_findings = 0;
    for seed in seeds {
        let site = mutated_site(seed, &sites);
        for args in [
            &["check"][..],
            &["check", "--format", "json"],
            &["check", "--format", "sarif"],
            &["check", "--format", "github"],
            &["drift"],
            &["drift", "--format", "json"],
            &["build", "--quiet"],
            // Last: it writes into the pages.
            &["check", "--fix", "--format", "json"],
        ] {
            let mut all = args.to_vec();
            all.extend(["--root", "."]);
            let out = polydoc(site.root(), &all);
            assert!(
                matches!(out.status.code(), Some(0 | 1)) && !stderr(&out).contains("panicked"),
                "seed {seed}, {args:?}: {:?}\n{}",
                out.status.code(),
                stderr(&out)
            );
            with_findings += usize::from(args[0] == "check" && out.status.code() == Some(1));
            if args.contains(&"--fix") && !stderr(&out).contains("touching the same text") {
                // What is left after fixing has no fix left to write.
                let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
                let left: Vec<&serde_json::Value> = doc["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|f| f.get("fix").is_some())
                    .collect();
                assert!(left.is_empty(), "seed {seed}: {left:#?}");
            }
        }
    }
    assert!(with_findings > 0, "real pages, mutated, have findings");
}
