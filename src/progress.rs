//! How long stages report how far they are. The library only counts; the
//! binary decides how to show it: a bar on a terminal (indicatif), one
//! plain line per stage in CI logs, nothing with `--quiet`.

/// Receives a stage's size and its progress. Called from worker threads.
pub trait Progress: Sync {
    /// A stage of `total` items starts (`total` 0: size unknown).
    fn start(&self, _stage: &str, _total: u64) {}
    /// `n` more items of the current stage are done.
    fn advance(&self, _n: u64) {}
    /// The current stage is over.
    fn finish(&self) {}
}

/// Shows nothing.
pub struct Silent;

impl Progress for Silent {}

/// A bar on a terminal, one per stage, cleared when the stage ends.
pub struct Bar {
    bar: std::sync::Mutex<Option<indicatif::ProgressBar>>,
}

impl Bar {
    pub fn new() -> Bar {
        Bar {
            bar: std::sync::Mutex::new(None),
        }
    }
}

impl Default for Bar {
    fn default() -> Self {
        Bar::new()
    }
}

impl Progress for Bar {
    fn start(&self, stage: &str, total: u64) {
        let bar = if total == 0 {
            let spinner = indicatif::ProgressBar::new_spinner();
            spinner.enable_steady_tick(std::time::Duration::from_millis(120));
            spinner
        } else {
            let bar = indicatif::ProgressBar::new(total);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{msg:>10} [{bar:30}] {pos}/{len} {per_sec} eta {eta}",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        };
        bar.set_message(stage.to_owned());
        if let Ok(mut slot) = self.bar.lock() {
            *slot = Some(bar);
        }
    }

    fn advance(&self, n: u64) {
        if let Ok(slot) = self.bar.lock()
            && let Some(bar) = slot.as_ref()
        {
            bar.inc(n);
        }
    }

    fn finish(&self) {
        if let Ok(mut slot) = self.bar.lock()
            && let Some(bar) = slot.take()
        {
            bar.finish_and_clear();
        }
    }
}

/// One line per stage, for logs that are no terminal (CI): what starts,
/// how big it is, and how long it took.
pub struct Lines {
    started: std::sync::Mutex<Option<(String, std::time::Instant)>>,
}

impl Lines {
    pub fn new() -> Lines {
        Lines {
            started: std::sync::Mutex::new(None),
        }
    }
}

impl Default for Lines {
    fn default() -> Self {
        Lines::new()
    }
}

impl Progress for Lines {
    fn start(&self, stage: &str, total: u64) {
        if total > 0 {
            eprintln!("{stage}: {total}");
        } else {
            eprintln!("{stage}...");
        }
        if let Ok(mut slot) = self.started.lock() {
            *slot = Some((stage.to_owned(), std::time::Instant::now()));
        }
    }

    fn finish(&self) {
        if let Ok(mut slot) = self.started.lock()
            && let Some((stage, at)) = slot.take()
        {
            eprintln!("{stage} done in {:.2}s", at.elapsed().as_secs_f64());
        }
    }
}
