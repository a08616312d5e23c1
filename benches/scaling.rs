//! `cargo bench --bench scaling`: how `polydoc check` and `build` grow
//! with what one page repeats. Each construct a rule looks at (a split
//! identifier, a heading, a link, a hidden tag, ...) is written N times and
//! 2N times on one page, once on one long line and once as N paragraphs,
//! in two locales whose copies differ a little (every third paragraph
//! gone, a code added to every fifth), and each command is timed on both.
//! Linear work doubles; work that reads the page, its line or its
//! counterpart again for each occurrence quadruples.
//!
//! Real pages repeat nothing 8,000 times, but a long single-line HTML
//! table, a glossary of thousands of headings or a generated reference
//! page come close, and a quadratic rule turns them into minutes: this
//! is how the ones fixed so far were found (`benches/README.md`,
//! "Scaling"). A run prints one line per construct, layout and command,
//! marks those that grew more than 3x for 2x the input and took more than
//! a quarter of a second at 2N, and exits non-zero when one of them is a
//! page of paragraphs. On one long line some costs still grow with the
//! line (each piece's column is counted from the line's start): marked
//! there, not failed; benches/README.md gives their figures.
//!
//! `POLYDOC_SCALING_N` sets N (default 4,000).
//! `POLYDOC_SCALING_ONLY` runs only the constructs containing its text
//! (`POLYDOC_SCALING_ONLY=HKEY` for the split path), to measure one rule
//! after a change without the hour the whole run takes.

#[path = "support/ram.rs"]
mod ram;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// What the rules look at, each as one occurrence.
const PIECES: &[&str] = &[
    "WM \\_ X ",
    "**\\_ peinture WM** ",
    "\\_ ",
    "IPin:: Enum ",
    "stdafx. cpp ",
    "[x](a.md) ",
    "[x](#y) ",
    "<a name=\"a\"></a>",
    "0x8007232A ",
    "`c` ",
    "*i* ",
    "<x> ",
    "@no__t-0 ",
    "%%amp;quot; ",
    "/s ",
    "[**упдатевиндов**](a.md) ",
    "[**GetMessage**](nf-a-getmessage) [Esta](nf-a-getmessage) ",
    "[sys. types](sys-types.md) ",
    "x. y ",
    "SEHx ",
    "<span class=\"sxs-lookup\">",
    "# h\n",
    "|a|b|\n",
    "<!-- polydoc-disable-line broken-link -->",
    "[!NOTE] ",
    "<xref:a> ",
    "![i](a.png) ",
    "é ",
    "日本 ",
    "## h\n\nx\n",
    "- a\n  - b\n",
    "| /a | x |\n",
    "```cmd\ndir /s\n```\n",
    "# [T](#tab/t)\n\nx\n",
    "::: zone pivot=\"a\"\n\nx\n\n::: zone-end\n",
    "[!INCLUDE[t](i.md)]\n",
    "> [!NOTE]\n> x\n",
    "[x](#a) <a name=\"a\"></a>",
    "** extern ** ",
    "`a ** b` y ** c **. ",
    "<!-- polydoc-disable broken-link -->\n[x](nope.md)\n<!-- polydoc-enable broken-link -->\n",
    "<span id=\"WTNCA_NOSYSMENU\"></span><dl> <dt>**WTNCA \\_ NOSYSMENU**</dt> <dt>0x4</dt> </dl>",
    "\n**wbemErrFailed** - 2147749889 (0x80041001)\n",
    "<span id=\"ERROR_SUCCESS\"></span><span id=\"error_success\"></span>**Fehler \\_ erfolgreich**\n",
    "<span id=\"E_FAIL\"></span><span id=\"e_fail\"></span>E \\_ 失败  \n",
    "Wmiprov.log Wmiprov ",
    "* Common7 IDE \\<x86*, *x64* ",
    "<span data-ttu-id=\"1\">Ver \\ HKEY_LOCAL_MACHINE \\ SOFTWARE\\Microsoft .</span><span class=\"sxs-lookup\"><span data-stu-id=\"1\">See HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft .</span></span> ",
];

const COMMANDS: &[&[&str]] = &[&["check", "--format", "json"], &["build", "--quiet"]];

fn main() {
    let n: usize = std::env::var("POLYDOC_SCALING_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4000);
    let temp = ram::temp_dir();
    let root = temp.path();
    let mut worst: Vec<String> = Vec::new();
    println!(
        "{:<44} {:<6} {:<6} {:>8} {:>8} {:>6}",
        "construct", "layout", "cmd", "N", "2N", "growth"
    );
    let only = std::env::var("POLYDOC_SCALING_ONLY").unwrap_or_default();
    for piece in PIECES.iter().filter(|piece| piece.contains(only.as_str())) {
        for one_line in [true, false] {
            for command in COMMANDS {
                let small = timed(root, piece, n, one_line, command);
                let large = timed(root, piece, 2 * n, one_line, command);
                let growth = large.as_secs_f64() / small.as_secs_f64().max(1e-3);
                let quadratic = growth > 3.0 && large > Duration::from_millis(250);
                let line = format!(
                    "{:<44} {:<6} {:<6} {:>7.3}s {:>7.3}s {:>5.1}x{}",
                    format!("{piece:?}"),
                    if one_line { "line" } else { "blocks" },
                    command[0],
                    small.as_secs_f64(),
                    large.as_secs_f64(),
                    growth,
                    if quadratic {
                        "  <- grows faster than the input"
                    } else {
                        ""
                    }
                );
                println!("{line}");
                if quadratic && !one_line {
                    worst.push(line);
                }
            }
        }
    }
    if !worst.is_empty() {
        eprintln!(
            "{} grew faster than their input:\n{}",
            worst.len(),
            worst.join("\n")
        );
        drop(temp);
        std::process::exit(1);
    }
}

/// The better of two runs of `command` on a site repeating `piece`
/// `times` times.
fn timed(root: &Path, piece: &str, times: usize, one_line: bool, command: &[&str]) -> Duration {
    write_site(root, piece, times, one_line);
    (0..2)
        .map(|_| {
            let _ = std::fs::remove_dir_all(root.join("public"));
            let started = Instant::now();
            let status = Command::new(env!("CARGO_BIN_EXE_polydoc"))
                .args(command)
                .arg("--root")
                .arg(root)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .expect("polydoc runs");
            assert!(
                matches!(status.code(), Some(0 | 1)),
                "{command:?} on {piece:?} x{times}: {status}"
            );
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// One page in en-us and es-es; the es-es copy lacks every third
/// paragraph (or line) and adds a code to every fifth, so that the
/// alignment and the token comparison have work to do.
fn write_site(root: &Path, piece: &str, times: usize, one_line: bool) {
    let _ = std::fs::remove_dir_all(root.join("content"));
    let body = if one_line {
        piece.repeat(times)
    } else {
        format!("x {piece}\n\n").repeat(times)
    };
    let front = "---\ntitle: T\napi_name:\n- IPin.Enum\nno-loc: [SEH]\n---\n# T\n\n";
    for locale in ["en-us", "es-es"] {
        let text = if locale == "en-us" {
            body.clone()
        } else {
            body.split('\n')
                .enumerate()
                .filter(|(i, _)| i % 3 != 1)
                .map(|(i, line)| {
                    if i % 5 == 0 {
                        format!("{line} cambio 0x{i:X}")
                    } else {
                        line.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let dir = root.join("content").join(locale);
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("a.md"), format!("{front}{text}\n")).expect("write");
    }
}
