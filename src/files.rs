//! Files jobtrack writes besides the database: the checks on an output
//! target, and the one private writer (a 0600 temporary file beside the
//! target, synced, then renamed into place, so a target is never
//! half-written and never readable by others).

use std::ffi::OsString;
use std::fs::{self, DirBuilder, File};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use crate::error::{Error, Result};

/// The temporary files this process is writing, so that a signal handler
/// can remove them (`remove_temps`), and whether it has begun to stop.
static TEMPS: Mutex<(Vec<PathBuf>, bool)> = Mutex::new((Vec::new(), false));

/// The names jobtrack gives its temporary files: `.jobtrack-XXXXXX.tmp`
/// (the private writer) and `.NAME.new-PID` (a database being created).
pub fn is_temp_name(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    let name = COMPANIONS
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .unwrap_or(&name);
    (name.starts_with(".jobtrack-") && name.ends_with(".tmp"))
        || (name.starts_with('.') && name.contains(".new-"))
}

/// A temporary file of this process: counted in `TEMPS` while this lives,
/// and removed when it is dropped (after a rename its name is gone and
/// nothing happens; after a hard link only the temporary name goes).
pub struct TrackedTemp(PathBuf);

impl TrackedTemp {
    /// Creates `path` as a new 0600 file and counts it, both under the one
    /// lock the signal handler takes, so no file escapes it. Refused (with
    /// `Interrupted`) once a signal has asked the process to stop.
    pub fn create(path: &Path) -> std::io::Result<(Self, File)> {
        let mut temps = TEMPS.lock().unwrap_or_else(|e| e.into_inner());
        if temps.1 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "interrupted",
            ));
        }
        let file = fs::OpenOptions::new()
            .write(true)
            .read(true)
            .create_new(true)
            .mode(0o600)
            .open(path)?;
        temps.0.push(path.to_path_buf());
        Ok((TrackedTemp(path.to_path_buf()), file))
    }

    /// The temporary file's path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TrackedTemp {
    fn drop(&mut self) {
        let mut temps = TEMPS.lock().unwrap_or_else(|e| e.into_inner());
        remove_with_companions(&self.0);
        temps.0.retain(|p| *p != self.0);
    }
}

/// Removes a temporary file and the `-journal`, `-wal` and `-shm` files
/// SQLite makes beside one that holds a database (a backup being written).
fn remove_with_companions(path: &Path) {
    let _ = fs::remove_file(path);
    for suffix in COMPANIONS {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = fs::remove_file(PathBuf::from(name));
    }
}

/// A fresh temporary file in `folder`: `.jobtrack-PID-N.tmp`.
fn new_temp(folder: &Path) -> Result<(TrackedTemp, File)> {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    loop {
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = folder.join(format!(".jobtrack-{}-{n}.tmp", std::process::id()));
        match TrackedTemp::create(&path) {
            // Left by an earlier process that had this process id.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => continue,
            Err(e) => return Err(Error::io(folder, e)),
            Ok(made) => return Ok(made),
        }
    }
}

/// Removes every temporary file this process is writing and refuses new
/// ones: for the signal handler, just before the process exits.
pub fn remove_temps() {
    let mut temps = TEMPS.lock().unwrap_or_else(|e| e.into_inner());
    temps.1 = true;
    for path in temps.0.drain(..) {
        remove_with_companions(&path);
    }
}

/// How old a temporary file must be before another command takes it for
/// one left by a killed process: a live writer touches its file far more
/// often than this.
pub const STALE_AFTER: Duration = Duration::from_secs(15 * 60);

/// jobtrack's temporary files in `folder` that no one has written for
/// `STALE_AFTER` (left by a process that was killed).
pub fn stale_temps(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| is_temp_name(&entry.file_name()))
        .filter(|entry| {
            entry.metadata().is_ok_and(|meta| {
                meta.is_file()
                    && meta
                        .modified()
                        .ok()
                        .and_then(|at| at.elapsed().ok())
                        .is_some_and(|age| age >= STALE_AFTER)
            })
        })
        .map(|entry| entry.path())
        .collect()
}

/// Removes the stale temporary files of `folder` (best effort).
pub fn remove_stale_temps(folder: &Path) {
    for path in stale_temps(folder) {
        let _ = fs::remove_file(path);
    }
}

/// True when both paths name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The refusal for a target that exists when `--force` was not given.
pub fn exists_error(file: &Path) -> Error {
    Error::Input(format!(
        "{} already exists; choose another file or add --force to replace it",
        file.display()
    ))
}

/// Refuses, `--force` or not, an output target that is not a regular file
/// or a missing name: a folder, a symbolic link to nothing (the rename
/// would replace the link, and its target was meant), a FIFO, a device or a
/// socket (a rename would swap the node itself for a file).
pub fn check_kind(file: &Path) -> Result<()> {
    let Ok(meta) = fs::symlink_metadata(file) else {
        return Ok(());
    };
    let kind = meta.file_type();
    let what = if kind.is_symlink() {
        match fs::metadata(file) {
            Err(_) => "a symbolic link to a missing file",
            Ok(target) => return check_node(file, &target.file_type()),
        }
    } else {
        return check_node(file, &kind);
    };
    Err(not_a_file(file, what))
}

fn check_node(file: &Path, kind: &fs::FileType) -> Result<()> {
    let what = if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        return Ok(());
    };
    Err(not_a_file(file, what))
}

fn not_a_file(file: &Path, what: &str) -> Error {
    Error::Input(format!(
        "{} is {what}, not a file; give the name of a new or regular file",
        file.display()
    ))
}

/// The database's companion files, which SQLite reads as part of it.
const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// True when `file` is the database or one of its `-wal`, `-shm` or
/// `-journal` files (compared by folder and name, so a companion that does
/// not exist yet counts too).
pub fn is_database_file(file: &Path, database: &Path) -> bool {
    if same_file(database, file) {
        return true;
    }
    let (Some(name), Some(db_name)) = (file.file_name(), database.file_name()) else {
        return false;
    };
    let same_folder = match (
        fs::canonicalize(folder_of(file)),
        fs::canonicalize(folder_of(database)),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    same_folder
        && std::iter::once("").chain(COMPANIONS).any(|suffix| {
            let mut companion = OsString::from(db_name);
            companion.push(suffix);
            companion == name
        })
}

/// Checks an output FILE before anything is written: refuses what
/// `check_kind` refuses, an existing file without `force`, the database
/// itself or its `-wal`/`-shm` (`what` names the file in that message, like
/// "the backup file"), and a missing folder. Returns the folder the file
/// goes in.
pub fn check_target(file: &Path, force: bool, database: &Path, what: &str) -> Result<PathBuf> {
    check_kind(file)?;
    if is_database_file(file, database) {
        return Err(Error::Input(format!(
            "{what} cannot be the database itself or its -wal, -shm or -journal file"
        )));
    }
    if file.exists() && !force {
        return Err(exists_error(file));
    }
    let folder = folder_of(file);
    if !folder.is_dir() {
        return Err(Error::Runtime(format!(
            "the folder {} does not exist; create it first",
            folder.display()
        )));
    }
    Ok(folder)
}

/// The folder a file goes in (`.` for a bare name).
pub fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `file` privately: `write` fills a fresh 0600 temporary file in
/// `folder` (it gets the open file and the temporary path, for writers such
/// as `VACUUM INTO` that need a name); the file is synced and renamed to
/// `file`. Without `force` the rename refuses a file that appeared
/// meanwhile. On any failure the temporary file is removed.
pub fn write_private<T>(
    file: &Path,
    folder: &Path,
    force: bool,
    write: impl FnOnce(&mut File, &Path) -> Result<T>,
) -> Result<T> {
    let (staged, value) = stage(file, folder, write)?;
    staged.place(force)?;
    Ok(value)
}

/// A private file written in full under a temporary name, waiting for
/// `place` to give it its name: a writer of several files (`export --all`)
/// stages them all first, so an error or a signal before the last one is
/// written leaves the folder as it was.
pub struct Staged {
    temp: TrackedTemp,
    file: PathBuf,
}

/// Writes what `write` produces into a fresh 0600 temporary file in
/// `folder`, synced, to become `file` when placed.
pub fn stage<T>(
    file: &Path,
    folder: &Path,
    write: impl FnOnce(&mut File, &Path) -> Result<T>,
) -> Result<(Staged, T)> {
    remove_stale_temps(folder);
    let (temp, mut handle) = new_temp(folder)?;
    let value = write(&mut handle, temp.path())?;
    handle.sync_all().map_err(|e| Error::io(file, e))?;
    let staged = Staged {
        temp,
        file: file.to_path_buf(),
    };
    Ok((staged, value))
}

impl Staged {
    /// Gives the staged file its name. Without `force`, a hard link refuses
    /// a file that appeared meanwhile; dropping the temporary then removes
    /// the temporary name.
    pub fn place(self, force: bool) -> Result<()> {
        let placed = if force {
            fs::rename(self.temp.path(), &self.file)
        } else {
            fs::hard_link(self.temp.path(), &self.file)
        };
        placed.map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                exists_error(&self.file)
            } else {
                Error::io(&self.file, e)
            }
        })
    }
}

/// What `read_limited` found.
#[derive(Debug, PartialEq, Eq)]
pub enum Limited {
    /// The whole content, at most the limit.
    Bytes(Vec<u8>),
    /// More than the limit: the size when it is known (a file), else `None`.
    TooBig(Option<u64>),
}

/// Reads all of `reader` when it holds at most `limit` bytes, and never
/// more than one byte past the limit: a 5 GB file or an endless pipe is
/// refused after `limit + 1` bytes, not read whole.
pub fn read_limited(reader: impl std::io::Read, limit: u64) -> std::io::Result<Limited> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Limited::TooBig(None));
    }
    Ok(Limited::Bytes(bytes))
}

/// Opens a file the user named, to read it: a missing file or a folder is
/// bad input (exit 2) naming the path, the folder message ending with
/// `folder_hint` ("give a file").
pub fn open_input(path: &Path, folder_hint: &str) -> Result<(File, std::fs::Metadata)> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::Input(format!("no file at {}", path.display())))
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::Input(format!(
            "{} is a folder; {folder_hint}",
            path.display()
        )));
    }
    Ok((file, meta))
}

/// Reads the file at `path` when it holds at most `limit` bytes: a larger
/// file is refused by its size before a byte is read. A missing file or a
/// folder is bad input (exit 2) naming the path.
pub fn read_file_limited(path: &Path, limit: u64) -> Result<Limited> {
    let (file, meta) = open_input(path, "give a file")?;
    if meta.is_file() && meta.len() > limit {
        return Ok(Limited::TooBig(Some(meta.len())));
    }
    read_limited(file, limit).map_err(|e| Error::io(path, e))
}

/// Creates `dir` owner-only (0700) with its parents when missing; an
/// existing folder is left as it is, and a file in its place is refused.
pub fn ensure_private_dir(dir: &Path) -> Result<()> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(Error::Input(format!(
            "{} exists and is not a folder; choose another --out folder",
            dir.display()
        ))),
        Err(_) => DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| Error::io(dir, e)),
    }
}
