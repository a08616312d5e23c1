//! A seeded synthetic corpus shaped like a localized DocFX repository:
//! folders of articles with `<a name>` headings, summary tables linking to
//! sections, PowerShell and cmd fences, alerts and relative `.md` links.
//! The same seed gives the same bytes, so runs are comparable.

use std::fmt::Write as _;
use std::path::Path;

/// splitmix64: a few lines, deterministic, good enough to vary text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

const WORDS: &[&str] = &[
    "servidor",
    "activación",
    "clave",
    "equipo",
    "registro",
    "configuración",
    "servicio",
    "cliente",
    "red",
    "dominio",
    "directiva",
    "usuario",
    "permisos",
    "instalación",
    "volumen",
    "licencia",
    "host",
    "error",
    "consulta",
    "archivo",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    s.push('.');
    s
}

/// Folder of article `page`: 10 areas x 20 topics x 50 articles for
/// 10,000 pages, a tree shaped like a documentation set's table of contents.
fn folder(page: usize) -> String {
    format!("area-{:02}/topic-{:02}", page / 1000, (page / 50) % 20)
}

/// Writes `pages` articles per locale into `content/<locale>/`. Returns the
/// total bytes written.
pub fn generate(root: &Path, locales: &[&str], pages: usize, seed: u64) -> u64 {
    let mut bytes = 0;
    for (l, locale) in locales.iter().enumerate() {
        for page in 0..pages {
            let text = article(seed, l, locale, page, pages);
            let path = root.join(format!(
                "content/{locale}/{}/article-{page:05}.md",
                folder(page)
            ));
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            bytes += text.len() as u64;
        }
    }
    bytes
}

/// One article, about 9 KB. Per page, as DESIGN.md measured on localized
/// Windows Server docs: ~4.5 relative `.md` links, ~8 `<a name>` anchors,
/// ~1 alert. Fences are an assumption (DESIGN.md gives only their mix):
/// three per page, two of them without a language, one PowerShell.
fn article(seed: u64, l: usize, locale: &str, page: usize, pages: usize) -> String {
    // Prose varies by locale; structure and code do not, as in translations.
    let mut prose = Rng::new(seed ^ ((page as u64) << 8) ^ l as u64);
    let mut shape = Rng::new(seed ^ ((page as u64) << 8) ^ 0xff);
    let rng = &mut prose;
    let mut md = String::with_capacity(10_000);
    let sections = 2 + shape.below(2) as usize;
    let link = |shape: &mut Rng| {
        let target = shape.below(pages as u64) as usize;
        format!("../../{}/article-{target:05}.md", folder(target))
    };
    writeln!(md, "---\ntitle: Artículo {page}\nms.date: 04/23/2020\nms.topic: troubleshooting\nms.contentlocale: {locale}\nms.openlocfilehash: {:016x}\nms.lasthandoff: 04/23/2020\n---", shape.next_u64()).unwrap();
    writeln!(
        md,
        "# <a name=\"article-{page}\"></a>Artículo {page}\n\n{}\n\n{}\n",
        sentence(rng, 110),
        sentence(rng, 90)
    )
    .unwrap();
    writeln!(
        md,
        "> [!NOTE]\n> {} [Más información]({}).\n",
        sentence(rng, 25),
        link(&mut shape)
    )
    .unwrap();
    writeln!(
        md,
        "## <a name=\"summary\"></a>Resumen\n\n|Código |Mensaje |Tipo |\n|---|---|---|"
    )
    .unwrap();
    // One code per section, named alike in the summary row and the heading
    // it links to, as in the seed.
    let codes: Vec<u64> = (0..sections).map(|_| shape.below(0xFFFF)).collect();
    for (s, code) in codes.iter().enumerate() {
        writeln!(
            md,
            "|[0x8007{code:04X}](#code-{s}) |{} |KMS |",
            sentence(rng, 12)
        )
        .unwrap();
    }
    for (s, code) in codes.iter().enumerate() {
        writeln!(
            md,
            "\n### <a name=\"code-{s}\"></a>0x8007{code:04X}: {}\n",
            sentence(rng, 6)
        )
        .unwrap();
        writeln!(
            md,
            "#### <a name=\"possible-cause\"></a>Causa posible\n\n{}\n\n{}\n",
            sentence(rng, 100),
            sentence(rng, 80)
        )
        .unwrap();
        writeln!(md, "#### <a name=\"resolution\"></a>Solución\n\n{} Vea [el artículo relacionado]({}#summary).\n", sentence(rng, 80), link(&mut shape)).unwrap();
        if s == 0 {
            writeln!(md, "```powershell\nGet-CimInstance -ClassName SoftwareLicensingProduct |\n    Where-Object {{ $_.PartialProductKey -and $_.Id -ne {page} }} |\n    Select-Object Name, LicenseStatus, GracePeriodRemaining\n$key = Read-Host -Prompt 'Key {page}'\nslmgr.vbs /ipk $key\n```").unwrap();
        } else {
            writeln!(
                md,
                "```\nslmgr.vbs /dlv {page}\nnslookup -type=srv _vlmcs._tcp.area{s}.example\n```"
            )
            .unwrap();
        }
    }
    writeln!(
        md,
        "\n```\nName: Windows(R), ServerStandard edition\nLicense Status: Licensed {page}\n```\n"
    )
    .unwrap();
    writeln!(md, "## <a name=\"see-also\"></a>Vea también\n\n- [Artículo relacionado]({})\n- [Otro artículo]({})", link(&mut shape), link(&mut shape)).unwrap();
    md
}
