//! Where a bench writes its sites.

/// A temporary folder in RAM (`/dev/shm`) where the system has one: on a
/// disk, the kernel's writeback of earlier runs decides the timings
/// (`benches/README.md`, "Measuring").
pub fn temp_dir() -> tempfile::TempDir {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .expect("temporary folder")
}
