//! Files jobtrack writes besides the database: the checks on an output
//! target, and the one private writer (a 0600 temporary file beside the
//! target, synced, then renamed into place, so a target is never
//! half-written and never readable by others).

use std::ffi::OsString;
use std::fs::{self, DirBuilder, File};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

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
    let mut temp = tempfile::Builder::new()
        .prefix(".jobtrack-")
        .suffix(".tmp")
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(folder)
        .map_err(|e| Error::io(folder, e))?;
    let temp_path = temp.path().to_path_buf();
    let value = write(temp.as_file_mut(), &temp_path)?;
    temp.as_file().sync_all().map_err(|e| Error::io(file, e))?;
    let persisted = if force {
        temp.persist(file)
    } else {
        temp.persist_noclobber(file)
    };
    persisted.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            exists_error(file)
        } else {
            Error::io(file, e.error)
        }
    })?;
    Ok(value)
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
