//! Stage timings for whoever profiles polydoc: with `POLYDOC_TIMINGS` set
//! in the environment, `build` and `check` print each stage's wall time and
//! the peak memory so far to stderr. Off by default, and free when off.
//! `POLYDOC_TIMINGS=rules` also times each check on its own
//! (`check::run`).

use std::time::Instant;

pub struct Stages {
    enabled: bool,
    last: Instant,
    /// CPU seconds (user + system) of the process at `last`.
    last_cpu: f64,
}

impl Stages {
    pub fn start() -> Stages {
        let enabled = std::env::var_os("POLYDOC_TIMINGS").is_some();
        Stages {
            enabled,
            last: Instant::now(),
            last_cpu: if enabled { cpu_seconds() } else { 0.0 },
        }
    }

    /// Reports the stage that ends now.
    pub fn done(&mut self, stage: &str) {
        if !self.enabled {
            return;
        }
        let (now, cpu) = (Instant::now(), cpu_seconds());
        eprintln!(
            "timing: {stage:<10} {:>8.3}s  cpu {:>6.3}s  peak {}",
            (now - self.last).as_secs_f64(),
            cpu - self.last_cpu,
            peak_memory().unwrap_or_else(|| "unknown".into())
        );
        (self.last, self.last_cpu) = (now, cpu);
    }
}

/// User and system CPU seconds of the whole process so far: against the
/// wall time, how well a stage keeps the cores busy.
fn cpu_seconds() -> f64 {
    #[cfg(unix)]
    // SAFETY: getrusage only writes into the struct we pass.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut usage) == 0 {
            let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
            return seconds(usage.ru_utime) + seconds(usage.ru_stime);
        }
    }
    0.0
}

/// The process's peak resident set, where the system tells (Linux).
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.0} MiB", kib / 1024.0))
}
