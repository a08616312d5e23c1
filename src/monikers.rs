//! DocFX moniker ranges: which versions of a product a `::: moniker
//! range="..."` block applies to, for the built page's version picker.
//!
//! A range is DocFX's (semver-like) expression: comparator sets joined by
//! `||`, each a run of comparators that must all hold (`>= aspnetcore-3.0
//! < aspnetcore-5.0`), a comparator an optional `=`, `<`, `<=`, `>` or
//! `>=` and a moniker (`vs-2019`). Monikers are compared without regard
//! to case, and `<`, `>` only within one product.
//!
//! Microsoft's publishing knows each moniker's product and order from a
//! definition the repositories do not hold. polydoc reads them from
//! `polydoc.toml` where the site lists them (`[monikers]`, a product's
//! name and its versions oldest first) and otherwise infers them: a
//! moniker's product is what comes before its first `-`-separated part
//! that starts with a digit or `ver` and a digit (`vs` of `vs-2019`,
//! `sql-server` of `sql-server-ver15`), else before its last `-`
//! (`azuresqldb` of `azuresqldb-current`); versions of a product are in
//! natural order (`aspnetcore-3.1` before `aspnetcore-10.0`, SQL Server's
//! `2017` before `ver15`).

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

/// A parsed range: the comparator sets, any of which may hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    sets: Vec<Vec<Comparator>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Comparator {
    op: Op,
    /// Lower-cased.
    moniker: String,
    /// Where the moniker starts in the range's text.
    offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Eq,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Why a range could not be read, and where in it (a byte offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeError {
    pub offset: usize,
    pub message: String,
}

impl Range {
    pub fn parse(text: &str) -> Result<Range, RangeError> {
        let bytes = text.as_bytes();
        let mut at = 0;
        let skip_spaces = |at: &mut usize| {
            while *at < bytes.len() && bytes[*at].is_ascii_whitespace() {
                *at += 1;
            }
        };
        let mut sets = Vec::new();
        let mut set = Vec::new();
        // Where the last `||` is, which an empty side is blamed on.
        let mut last_or = None;
        loop {
            skip_spaces(&mut at);
            if at == bytes.len() || text[at..].starts_with("||") {
                if set.is_empty() {
                    return Err(match last_or.filter(|_| at == bytes.len()) {
                        None if at == bytes.len() => RangeError {
                            offset: at,
                            message: "the range names no moniker".to_owned(),
                        },
                        blamed => RangeError {
                            offset: blamed.unwrap_or(at),
                            message: "a `||` has no moniker on one side".to_owned(),
                        },
                    });
                }
                sets.push(std::mem::take(&mut set));
                if at == bytes.len() {
                    return Ok(Range { sets });
                }
                last_or = Some(at);
                at += 2;
                continue;
            }
            let op_start = at;
            let op = match (bytes[at], bytes.get(at + 1)) {
                (b'>', Some(b'=')) => Op::Ge,
                (b'<', Some(b'=')) => Op::Le,
                (b'>', _) => Op::Gt,
                (b'<', _) => Op::Lt,
                _ => Op::Eq,
            };
            at += match op {
                Op::Ge | Op::Le => 2,
                Op::Gt | Op::Lt => 1,
                Op::Eq => usize::from(bytes[at] == b'='),
            };
            skip_spaces(&mut at);
            let name_start = at;
            while at < bytes.len() && is_moniker_byte(bytes[at]) {
                at += 1;
            }
            if at == name_start {
                let found = text[at..].chars().next();
                let message = match found {
                    None => format!("`{}` is followed by no moniker", &text[op_start..at].trim()),
                    Some(c) => format!("`{c}` cannot start a moniker"),
                };
                return Err(RangeError {
                    offset: at,
                    message,
                });
            }
            set.push(Comparator {
                op,
                moniker: text[name_start..at].to_ascii_lowercase(),
                offset: name_start,
            });
        }
    }

    /// Every moniker the range names, lower-cased, in order.
    pub fn monikers(&self) -> impl Iterator<Item = &str> {
        self.sets.iter().flatten().map(|c| c.moniker.as_str())
    }

    /// Every moniker the range names, lower-cased, with its offset in
    /// the range's text.
    pub fn monikers_at(&self) -> impl Iterator<Item = (usize, &str)> {
        self.sets
            .iter()
            .flatten()
            .map(|c| (c.offset, c.moniker.as_str()))
    }

    /// Whether version `moniker` (lower-cased, of `versions`) is in the range.
    pub fn contains(&self, versions: &Versions, moniker: &str) -> bool {
        let Some(&(product, position)) = versions.index.get(moniker) else {
            return false;
        };
        self.sets.iter().any(|set| {
            set.iter().all(|c| {
                if c.op == Op::Eq {
                    return c.moniker == moniker;
                }
                match versions.index.get(&c.moniker) {
                    Some(&(p, bound)) if p == product => match c.op {
                        Op::Lt => position < bound,
                        Op::Le => position <= bound,
                        Op::Gt => position > bound,
                        Op::Ge => position >= bound,
                        Op::Eq => position == bound,
                    },
                    _ => false,
                }
            })
        })
    }

    /// The products (indices of `versions`) the range names, each once,
    /// in order.
    pub fn products(&self, versions: &Versions) -> Vec<usize> {
        let mut products = Vec::new();
        for moniker in self.monikers() {
            if let Some(&(p, _)) = versions.index.get(moniker)
                && !products.contains(&p)
            {
                products.push(p);
            }
        }
        products
    }
}

/// Letters, digits and the `-`, `.`, `_` of moniker names.
fn is_moniker_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_')
}

/// What `[monikers]` in `polydoc.toml` lists.
#[derive(Debug, Default, Clone)]
pub struct Listed {
    /// Each product's name and versions, oldest first.
    pub products: Vec<(String, Vec<String>)>,
    /// The names the version picker shows, by lower-cased moniker.
    pub names: std::collections::BTreeMap<String, String>,
}

/// Every version the site knows, by product, each product's oldest first.
#[derive(Debug, Default, Clone)]
pub struct Versions {
    pub products: Vec<Product>,
    /// Lower-cased moniker to its product and its place there.
    index: HashMap<String, (usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// As `polydoc.toml` names it, else as inferred (`vs`).
    pub name: String,
    /// Lower-cased, oldest first.
    pub monikers: Vec<String>,
}

impl Versions {
    /// The products `configured` lists (name, versions oldest first), then
    /// those of the `named` monikers it does not list, inferred.
    pub fn new<'a>(
        configured: &[(String, Vec<String>)],
        named: impl IntoIterator<Item = &'a str>,
    ) -> Versions {
        let mut products: Vec<Product> = configured
            .iter()
            .map(|(name, monikers)| Product {
                name: name.clone(),
                monikers: monikers.iter().map(|m| m.to_ascii_lowercase()).collect(),
            })
            .collect();
        let listed: std::collections::HashSet<&str> = products
            .iter()
            .flat_map(|p| p.monikers.iter().map(String::as_str))
            .collect();
        let mut inferred: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for moniker in named {
            let moniker = moniker.to_ascii_lowercase();
            if !listed.contains(moniker.as_str()) {
                inferred
                    .entry(product_of(&moniker).to_owned())
                    .or_default()
                    .push(moniker);
            }
        }
        for (name, mut monikers) in inferred {
            monikers.sort_by(|a, b| natural(a, b));
            monikers.dedup();
            products.push(Product { name, monikers });
        }
        let mut index = HashMap::new();
        for (p, product) in products.iter().enumerate() {
            for (position, moniker) in product.monikers.iter().enumerate() {
                index.entry(moniker.clone()).or_insert((p, position));
            }
        }
        Versions { products, index }
    }
}

/// The product a moniker belongs to when the site does not say.
pub fn product_of(moniker: &str) -> &str {
    let mut start = 0;
    for part in moniker.split('-') {
        let b = part.as_bytes();
        let versioned = b.first().is_some_and(u8::is_ascii_digit)
            || (b.len() > 3 && b[..3].eq_ignore_ascii_case(b"ver") && b[3].is_ascii_digit());
        if versioned && start > 0 {
            return &moniker[..start - 1];
        }
        start += part.len() + 1;
    }
    moniker
        .rsplit_once('-')
        .map_or(moniker, |(product, _)| product)
}

/// Natural order: runs of digits compare as numbers, and before letters.
fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let run = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
                let (na, nb) = (run(a), run(b));
                let trim = |s: &[u8]| {
                    let zeros = s.iter().take_while(|&&c| c == b'0').count();
                    s[zeros..].to_vec()
                };
                let (da, db) = (trim(&a[..na]), trim(&b[..nb]));
                let order = da.len().cmp(&db.len()).then_with(|| da.cmp(&db));
                if order != Ordering::Equal {
                    return order;
                }
                a = &a[na..];
                b = &b[nb..];
            }
            (Some(x), Some(y)) => {
                let order = match (x.is_ascii_digit(), y.is_ascii_digit()) {
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                    _ => x.cmp(y),
                };
                if order != Ordering::Equal {
                    return order;
                }
                a = &a[1..];
                b = &b[1..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn versions(named: &[&str]) -> Versions {
        Versions::new(&[], named.iter().copied())
    }

    fn matching(range: &str, versions: &Versions) -> Vec<String> {
        let range = Range::parse(range).expect("a valid range");
        let mut all: Vec<String> = versions
            .products
            .iter()
            .flat_map(|p| p.monikers.iter())
            .filter(|m| range.contains(versions, m))
            .cloned()
            .collect();
        all.sort();
        all
    }

    #[test]
    fn products_are_inferred_from_the_version_part() {
        assert_eq!(product_of("vs-2019"), "vs");
        assert_eq!(product_of("aspnetcore-3.1"), "aspnetcore");
        assert_eq!(product_of("sql-server-ver15"), "sql-server");
        assert_eq!(product_of("sql-server-linux-2017"), "sql-server-linux");
        assert_eq!(product_of("azuresqldb-current"), "azuresqldb");
        assert_eq!(product_of("azure-sqldw-latest"), "azure-sqldw");
        assert_eq!(product_of("dotnet-plat-ext-8.0"), "dotnet-plat-ext");
        assert_eq!(product_of("azureadps-2.0-preview"), "azureadps");
        assert_eq!(product_of("windows"), "windows");
    }

    #[test]
    fn versions_sort_naturally_within_a_product() {
        let v = versions(&[
            "aspnetcore-10.0",
            "aspnetcore-3.1",
            "ASPNETCORE-6.0",
            "sql-server-ver16",
            "sql-server-2017",
            "sql-server-ver15",
            "sql-server-2016",
            "aspnetcore-3.1",
        ]);
        let monikers: Vec<&[String]> = v.products.iter().map(|p| &p.monikers[..]).collect();
        assert_eq!(
            monikers,
            [
                &["aspnetcore-3.1", "aspnetcore-6.0", "aspnetcore-10.0"][..],
                &[
                    "sql-server-2016",
                    "sql-server-2017",
                    "sql-server-ver15",
                    "sql-server-ver16"
                ][..]
            ]
        );
    }

    /// The cases of DocFX's own range tests, with its moniker definition
    /// given as `polydoc.toml` would give it.
    #[test]
    fn ranges_select_as_docfx_selects() {
        let v = Versions::new(
            &[
                (
                    ".NET Framework".to_owned(),
                    vec![
                        "DOTNET-1.0".into(),
                        "dotnet-2.0".into(),
                        "dotnet-3.0".into(),
                    ],
                ),
                (
                    ".NET Core".to_owned(),
                    vec![
                        "netcore-1.0".into(),
                        "netcore-2.0".into(),
                        "netcore-3.0".into(),
                    ],
                ),
                (
                    "SQL".to_owned(),
                    vec!["azure-sqldw-latest".into(), "azuresqldb-current".into()],
                ),
            ],
            [],
        );
        let cases: [(&str, &[&str]); 10] = [
            ("netcore-1.0 netcore-3.0", &[]),
            (" netcore-1.0 ", &["netcore-1.0"]),
            ("netcore-1.0 || dotnet-3.0", &["dotnet-3.0", "netcore-1.0"]),
            ("Netcore-1.0", &["netcore-1.0"]),
            (">netcore-1.0<netcore-3.0", &["netcore-2.0"]),
            (">NETCORE-1.0 <NETcore-3.0", &["netcore-2.0"]),
            ("netcore-1.0<netcore-3.0", &["netcore-1.0"]),
            (
                ">= netcore-1.0 < netcore-2.0 || dotnet-3.0",
                &["dotnet-3.0", "netcore-1.0"],
            ),
            (
                ">= netcore-2.0 || > dotnet-2.0",
                &["dotnet-3.0", "netcore-2.0", "netcore-3.0"],
            ),
            (">= netcore-2.0 > dotnet-2.0", &[]),
        ];
        for (range, expected) in cases {
            assert_eq!(matching(range, &v), expected, "{range}");
        }
    }

    #[test]
    fn bad_ranges_say_where() {
        let error = |text| Range::parse(text).expect_err(text);
        assert_eq!(error("").offset, 0);
        assert_eq!(
            error("netcore-1.0 < || netcore-2.0"),
            RangeError {
                offset: 14,
                message: "`|` cannot start a moniker".into()
            }
        );
        assert_eq!(error(">netcore&-1.0").offset, 8);
        assert_eq!(
            error(">= vs-2019 ||"),
            RangeError {
                offset: 11,
                message: "a `||` has no moniker on one side".into()
            }
        );
        assert_eq!(error("|| vs-2019").offset, 0);
        assert_eq!(error(">=").message, "`>=` is followed by no moniker");
    }
}
