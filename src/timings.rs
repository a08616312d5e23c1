//! Stage timings for whoever profiles polydoc: with `POLYDOC_TIMINGS` set
//! in the environment, `build` and `check` print each stage's wall time and
//! the peak memory so far to stderr. Off by default, and free when off.

use std::time::Instant;

pub struct Stages {
    enabled: bool,
    last: Instant,
}

impl Stages {
    pub fn start() -> Stages {
        Stages {
            enabled: std::env::var_os("POLYDOC_TIMINGS").is_some(),
            last: Instant::now(),
        }
    }

    /// Reports the stage that ends now.
    pub fn done(&mut self, stage: &str) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        eprintln!(
            "timing: {stage:<10} {:>8.3}s  peak {}",
            (now - self.last).as_secs_f64(),
            peak_memory().unwrap_or_else(|| "unknown".into())
        );
        self.last = now;
    }
}

/// The process's peak resident set, where the system tells (Linux).
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.0} MiB", kib / 1024.0))
}
