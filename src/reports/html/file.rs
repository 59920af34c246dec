//! Writing the page: FILE is checked first, then written to a private
//! temporary file beside it and renamed into place.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::Ctx;

/// Refuses a FILE that exists (without `force`), is a folder, or is the
/// database itself; returns the folder the file goes in.
pub(super) fn check_target(ctx: &Ctx, file: &Path, force: bool) -> Result<PathBuf> {
    if file.is_dir() {
        return Err(Error::Input(format!(
            "{} is a folder; give a file name for --html",
            file.display()
        )));
    }
    if file.exists() && !force {
        return Err(Error::Input(format!(
            "{} already exists; choose another file or add --force to replace it",
            file.display()
        )));
    }
    if crate::maintenance::same_file(&ctx.db_path()?.path, file) {
        return Err(Error::Input(
            "the report file cannot be the database itself".into(),
        ));
    }
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(Error::Runtime(format!(
            "the folder {} does not exist; create it first",
            folder.display()
        )));
    }
    Ok(folder)
}

/// Writes `contents` to a private (0600) temporary file in `folder`, then
/// renames it to `file`, so FILE is never half-written. Without `force` the
/// rename refuses a file that appeared meanwhile.
pub(super) fn write_private(
    file: &Path,
    folder: &Path,
    contents: &[u8],
    force: bool,
) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mut temp = tempfile::Builder::new()
        .prefix(".jobtrack-report-")
        .suffix(".tmp")
        .permissions(std::fs::Permissions::from_mode(0o600))
        .tempfile_in(folder)
        .map_err(|e| Error::io(folder, e))?;
    temp.write_all(contents).map_err(|e| Error::io(file, e))?;
    temp.as_file().sync_all().map_err(|e| Error::io(file, e))?;
    let persisted = if force {
        temp.persist(file)
    } else {
        temp.persist_noclobber(file)
    };
    persisted.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Error::Input(format!(
                "{} already exists; choose another file or add --force to replace it",
                file.display()
            ))
        } else {
            Error::io(file, e.error)
        }
    })?;
    Ok(())
}
