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

/// Writes `pages` articles per locale into `content/<locale>/`, in folders
/// of 100. Returns the total bytes written.
pub fn generate(root: &Path, locales: &[&str], pages: usize, seed: u64) -> u64 {
    let mut bytes = 0;
    for (l, locale) in locales.iter().enumerate() {
        for page in 0..pages {
            let mut rng = Rng::new(seed ^ (page as u64) << 8 ^ l as u64);
            let text = article(&mut rng, locale, page, pages);
            let path = root.join(format!(
                "content/{locale}/area-{:03}/article-{page:05}.md",
                page / 100
            ));
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            bytes += text.len() as u64;
        }
    }
    bytes
}

fn article(rng: &mut Rng, locale: &str, page: usize, pages: usize) -> String {
    let mut md = String::with_capacity(8192);
    let sections = 4 + rng.below(4) as usize;
    writeln!(md, "---\ntitle: Artículo {page}\nms.date: 04/23/2020\nms.contentlocale: {locale}\nms.openlocfilehash: {:016x}\n---", rng.next_u64()).unwrap();
    writeln!(
        md,
        "# <a name=\"article-{page}\"></a>Artículo {page}\n\n{}\n",
        sentence(rng, 40)
    )
    .unwrap();
    writeln!(
        md,
        "## <a name=\"summary\"></a>Resumen\n\n|Código |Mensaje |Tipo |\n|---|---|---|"
    )
    .unwrap();
    for s in 0..sections {
        writeln!(
            md,
            "|[0x8007{:04X}](#code-{s}) |{} |KMS |",
            rng.below(0xFFFF),
            sentence(rng, 8)
        )
        .unwrap();
    }
    for s in 0..sections {
        writeln!(
            md,
            "\n### <a name=\"code-{s}\"></a>0x8007{:04X}: {}\n",
            rng.below(0xFFFF),
            sentence(rng, 5)
        )
        .unwrap();
        writeln!(
            md,
            "#### <a name=\"possible-cause\"></a>Causa posible\n\n{}\n",
            sentence(rng, 30)
        )
        .unwrap();
        writeln!(md, "> [!NOTE]\n> {}\n", sentence(rng, 15)).unwrap();
        writeln!(md, "#### <a name=\"resolution\"></a>Solución\n\n{} Vea [el artículo relacionado](../area-{:03}/article-{:05}.md#summary).\n", sentence(rng, 25), rng.below(pages as u64 / 100), rng.below(pages as u64)).unwrap();
        // Code differs from page to page but not between locales: translations keep code.
        // As in real Windows docs, two thirds of fences name no language, PowerShell leads the rest.
        match s % 3 {
            0 => writeln!(md, "```powershell\nGet-CimInstance -ClassName SoftwareLicensingProduct |\n    Where-Object {{ $_.PartialProductKey -and $_.Id -ne {page} }} |\n    Select-Object Name, LicenseStatus, GracePeriodRemaining\n$key{s} = Read-Host -Prompt 'Key {page}-{s}'\nslmgr.vbs /ipk $key{s}\n```"),
            1 => writeln!(md, "```\nslmgr.vbs /dlv {page}\nnslookup -type=srv _vlmcs._tcp.area{s}.example\n```"),
            _ => writeln!(md, "```\nName: Windows(R), ServerStandard edition\nLicense Status: Licensed {page}\nVolume activation expiration: 259200 minute(s)\n```"),
        }
        .unwrap();
    }
    md
}
