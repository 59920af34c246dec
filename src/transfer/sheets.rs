//! Spreadsheet workbooks (`.xlsx`, `.ods`, also `.xls`) read directly:
//! one sheet (the first, or `--sheet NAME`) becomes CSV text in memory,
//! which the CSV loader then reads like any file. Dates stored as dates
//! become `YYYY-MM-DD`; whole numbers lose Excel's `.0`.

use std::path::Path;

use calamine::{open_workbook_auto, Data, DataType, Reader};

use crate::error::{Error, Result};

/// True when `path` names a workbook jobtrack reads directly.
pub(super) fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["xlsx", "xlsm", "xls", "ods"].contains(&e.to_ascii_lowercase().as_str()))
}

/// The sheet `sheet` (or the first) of the workbook at `path`, as CSV bytes.
pub(super) fn sheet_as_csv(path: &Path, sheet: Option<&str>) -> Result<Vec<u8>> {
    let unreadable = |e: calamine::Error| {
        Error::Input(format!(
            "{} cannot be read as a spreadsheet workbook: {e}",
            path.display()
        ))
    };
    let mut workbook = open_workbook_auto(path).map_err(unreadable)?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(wanted))
            .cloned()
            .ok_or_else(|| {
                Error::invalid(
                    "--sheet",
                    wanted,
                    format!("a sheet of {}: {}", path.display(), names.join(", ")),
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::Input(format!("{} has no sheets", path.display())))?,
    };
    let range = workbook.worksheet_range(&name).map_err(unreadable)?;
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in range.rows() {
        out.write_record(row.iter().map(cell_text))
            .map_err(|e| Error::Runtime(format!("converting {name}: {e}")))?;
    }
    out.into_inner()
        .map_err(|e| Error::Runtime(format!("converting {name}: {e}")))
}

/// A cell as the CSV loader reads it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{x:.0}"),
        Data::DateTime(_) | Data::DateTimeIso(_) => match cell.as_date() {
            Some(date) => date.to_string(),
            None => cell.to_string(),
        },
        other => other.to_string(),
    }
}
