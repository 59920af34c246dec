//! Rendering: tables for people, JSON for scripts, colour only when wanted.
//! Every byte jobtrack prints on standard output goes through here; no other
//! module writes escape codes.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::error::{Error, Result};

/// `--color`: when to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is unset.
    #[default]
    Auto,
    /// Always colour, even into a pipe.
    Always,
    /// Never colour.
    Never,
}

/// A tone for a value: the renderer picks the colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Needs attention now (overdue, refused, failed).
    Alert,
    /// Good news (offer, passed, eligible).
    Good,
    /// In progress (interview, scheduled).
    Active,
    /// Of little weight (closed, empty).
    Dim,
    /// Plain.
    Plain,
}

/// How this process prints: decided once from the global options.
#[derive(Debug, Clone)]
pub struct Output {
    /// `--json`: print records as JSON.
    pub json: bool,
    /// `-q`: print only ids after a write.
    pub quiet: bool,
    /// Whether escape codes may be written.
    pub color: bool,
    /// Whether standard output is a terminal (block-character charts).
    pub terminal: bool,
    /// The width tables are fitted to: the terminal's (at least
    /// `MIN_WIDTH`) on a terminal, `None` off one or with `--wide`.
    pub width: Option<usize>,
    /// `--wide`: lines and tables are printed whole.
    pub wide: bool,
}

/// Terminals narrower than this are laid out as this wide.
pub const MIN_WIDTH: usize = 60;

/// The width of the terminal on standard output: `COLUMNS` when it holds a
/// positive number, else the terminal's own size.
fn terminal_width() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0)
        .or_else(|| {
            terminal_size::terminal_size()
                .map(|(columns, _)| usize::from(columns.0))
                .filter(|c| *c > 0)
        })
}

impl Output {
    /// Decides colour once: `always` on, `never` off, `auto` on only when
    /// standard output is a terminal and `NO_COLOR` is unset or empty.
    /// Tables are fitted to the terminal unless `wide` (`--wide`) is set.
    pub fn new(json: bool, quiet: bool, choice: ColorChoice, wide: bool) -> Self {
        let terminal = io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        let width = if terminal && !wide {
            Some(terminal_width().unwrap_or(80).max(MIN_WIDTH))
        } else {
            None
        };
        Output {
            json,
            quiet,
            color,
            terminal,
            width,
            wide,
        }
    }

    /// Prints a value as pretty JSON followed by a newline.
    pub fn print_json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        // Standard output is line-buffered; pretty JSON is many short lines.
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        serde_json::to_writer_pretty(&mut out, value).map_err(|e| Error::output(e.into()))?;
        writeln!(out).map_err(Error::output)?;
        out.flush().map_err(Error::output)?;
        Ok(())
    }

    /// A buffered writer on standard output, for a caller that streams a
    /// long text (such as `export TABLE`) in its own format. The caller
    /// flushes it when done, so a write error is reported rather than lost.
    pub fn stdout_writer(&self) -> io::BufWriter<io::StdoutLock<'static>> {
        io::BufWriter::new(io::stdout().lock())
    }

    /// Prints one line (or a few, joined by line breaks). Stored text in it
    /// is shown escaped, never obeyed: every control character, escape
    /// sequence and bidi override except the colour codes jobtrack writes
    /// itself, line breaks and tabs (DESIGN §10.4), so a confirmation line
    /// that names a record cannot write the clipboard or retitle the window.
    pub fn line(&self, text: impl AsRef<str>) -> Result<()> {
        let mut out = io::stdout().lock();
        writeln!(out, "{}", self.visible_keeping_paint(text.as_ref())).map_err(Error::output)?;
        Ok(())
    }

    /// Prints text as it is (it carries its own newlines).
    pub fn raw(&self, text: impl AsRef<str>) -> Result<()> {
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        out.write_all(text.as_ref().as_bytes())
            .map_err(Error::output)?;
        out.flush().map_err(Error::output)?;
        Ok(())
    }

    /// The result of a write: the record as JSON with `--json`, the id with
    /// `-q`, else the one confirmation line.
    pub fn written<T: Serialize>(
        &self,
        id: i64,
        message: &str,
        record: impl FnOnce() -> Result<T>,
    ) -> Result<()> {
        if self.json {
            self.print_json(&record()?)
        } else if self.quiet {
            self.line(id.to_string())
        } else {
            self.line(message)
        }
    }

    /// The record a write prints with `--json`, read (inside the write's
    /// transaction) only when it will be printed; `None` otherwise.
    pub fn json_record<T>(&self, read: impl FnOnce() -> Result<T>) -> Result<Option<T>> {
        if self.json {
            read().map(Some)
        } else {
            Ok(None)
        }
    }

    /// A notice on standard error (printed in every mode); stored text in
    /// it is shown escaped.
    pub fn notice(&self, text: impl AsRef<str>) {
        to_stderr(&format!("note: {}", visible(text.as_ref())));
    }

    /// A warning on standard error (printed in every mode); stored text in
    /// it is shown escaped.
    pub fn warning(&self, text: impl AsRef<str>) {
        to_stderr(&format!("warning: {}", visible(text.as_ref())));
    }

    /// A table with the given columns (see `Column` for how each behaves
    /// on a narrow terminal); printed with `print_table`.
    pub fn table<I, C>(&self, columns: I) -> Table
    where
        I: IntoIterator<Item = C>,
        C: Into<Column>,
    {
        Table {
            columns: columns.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// A table cell coloured by tone (plain without colour). Control
    /// characters in stored text are shown escaped, never sent to the terminal.
    pub fn cell(&self, text: impl ToString, tone: Tone) -> Cell {
        Cell {
            text: cell_text(&text.to_string()),
            tone,
            right: false,
        }
    }

    /// A right-aligned cell for numbers.
    pub fn number(&self, text: impl ToString) -> Cell {
        Cell {
            text: cell_text(&text.to_string()),
            tone: Tone::Plain,
            right: true,
        }
    }

    /// Prints a table. On a terminal it is fitted to the width (long text
    /// cut with `…`, then the least important columns left out and named
    /// below it); off a terminal, or with `--wide`, it is printed whole.
    pub fn print_table(&self, table: &Table) -> Result<()> {
        let natural = table.natural_widths();
        let (widths, shown) = match self.width {
            Some(width) => fit(&table.columns, &natural, width),
            None => (natural, vec![true; table.columns.len()]),
        };
        let mut text = String::new();
        let header: Vec<Cell> = table
            .columns
            .iter()
            .map(|c| Cell {
                text: c.name.clone(),
                tone: Tone::Plain,
                right: false,
            })
            .collect();
        self.render_row(&header, &widths, &shown, true, &mut text);
        if self.terminal {
            let rule: Vec<Cell> = widths
                .iter()
                .map(|w| Cell {
                    text: "─".repeat(*w),
                    tone: Tone::Dim,
                    right: false,
                })
                .collect();
            self.render_row(&rule, &widths, &shown, false, &mut text);
        }
        for row in &table.rows {
            self.render_row(row, &widths, &shown, false, &mut text);
        }
        let dropped: Vec<&str> = table
            .columns
            .iter()
            .zip(&shown)
            .filter(|(_, shown)| !**shown)
            .map(|(c, _)| c.name.as_str())
            .collect();
        if !dropped.is_empty() {
            let note = format!(
                "Not shown for lack of room: {} (see {} with --wide or --json)",
                dropped.join(", "),
                if dropped.len() == 1 { "it" } else { "them" }
            );
            for line in wrap(&note, self.width.unwrap_or(usize::MAX)) {
                text.push_str(&self.paint(&line, Tone::Dim));
                text.push('\n');
            }
        }
        self.raw(text)
    }

    /// Appends one line of a table: the shown cells padded to their widths
    /// (cut with `…` where narrower), two spaces apart, no trailing spaces.
    fn render_row(
        &self,
        cells: &[Cell],
        widths: &[usize],
        shown: &[bool],
        header: bool,
        text: &mut String,
    ) {
        let mut line = String::new();
        let mut pending = 0;
        let columns = widths.iter().zip(shown).enumerate();
        let shown_columns = columns.filter(|(_, (_, shown))| **shown);
        for (place, (index, (width, _))) in shown_columns.enumerate() {
            let cell = cells.get(index);
            let content = cell.map_or(String::new(), |c| cut(&c.text, *width));
            let used = display_width(&content);
            let gap = width.saturating_sub(used);
            let right = cell.is_some_and(|c| c.right);
            let painted = match cell {
                Some(_) if header && self.color => format!("\x1b[1m{content}\x1b[0m"),
                Some(c) => self.paint(&content, c.tone),
                None => String::new(),
            };
            if place > 0 {
                pending += 2;
            }
            if right {
                pending += gap;
            }
            if !content.is_empty() {
                line.push_str(&" ".repeat(pending));
                line.push_str(&painted);
                pending = 0;
            }
            if !right {
                pending += gap;
            }
        }
        text.push_str(&line);
        text.push('\n');
    }

    /// Text in a tone: escape codes only when colour is on.
    pub fn paint(&self, text: &str, tone: Tone) -> String {
        if !self.color {
            return text.to_string();
        }
        let code = match tone {
            Tone::Alert => "31",
            Tone::Good => "32",
            Tone::Active => "36",
            Tone::Dim => "2",
            Tone::Plain => return text.to_string(),
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    /// A heading line (bold with colour); stored text in it is shown escaped.
    pub fn heading(&self, text: &str) -> String {
        let text = visible(text);
        if self.color {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text
        }
    }

    /// Text on one line with the parts between `start` and `end` painted
    /// in `tone` (a search match), the marks dropped: runs of white space
    /// become one space, stored text is shown escaped, and the whole is cut
    /// to `width` columns with `…` (from the start too, when the first match
    /// would be cut off).
    pub fn marked(&self, text: &str, start: char, end: char, tone: Tone, width: usize) -> String {
        let mut pieces: Vec<(String, bool)> = vec![(String::new(), false)];
        for c in text.trim().chars() {
            if c == start || c == end {
                pieces.push((String::new(), c == start));
                continue;
            }
            let Some((piece, _)) = pieces.last_mut() else {
                continue;
            };
            if c == '\n' {
                // Lines of a record (a contact's role, then the notes) stay
                // apart on the one line a hit has.
                let kept = piece.trim_end().len();
                piece.truncate(kept);
                if !piece.is_empty() && !piece.ends_with('·') {
                    piece.push_str(" ·");
                }
                if !piece.is_empty() {
                    piece.push(' ');
                }
            } else if c.is_whitespace() {
                if !piece.ends_with(' ') {
                    piece.push(' ');
                }
            } else {
                piece.push_str(&visible(c.encode_utf8(&mut [0; 4])));
            }
        }
        keep_first_match_in_view(&mut pieces, width);
        let total: usize = pieces.iter().map(|(p, _)| display_width(p)).sum();
        // When cut, one column is kept for the `…`.
        let budget = if total > width {
            width.saturating_sub(1)
        } else {
            width
        };
        let mut shown = String::new();
        let mut used = 0;
        for (piece, matched) in pieces {
            let (kept, w) = fitting(&piece, budget.saturating_sub(used));
            used += w;
            let whole = kept.len() == piece.len();
            if matched && !kept.is_empty() {
                shown.push_str(&self.paint(kept, tone));
            } else {
                shown.push_str(kept);
            }
            if !whole {
                break;
            }
        }
        if total > width {
            let trimmed = shown.trim_end().len();
            shown.truncate(trimmed);
            shown.push('…');
        }
        shown
    }

    /// Prints `label  value` lines aligned on the labels; empty values are
    /// left out. Stored text in a value is shown escaped (its line breaks
    /// and tabs kept). On a terminal a long value is wrapped between words.
    pub fn print_fields(&self, fields: &[(&str, Option<String>)]) -> Result<()> {
        let width = fields
            .iter()
            .filter(|(_, v)| v.is_some())
            .map(|(label, _)| label.chars().count())
            .max()
            .unwrap_or(0);
        let mut out = io::stdout().lock();
        for (label, value) in fields {
            if let Some(value) = value {
                let value = self.visible_keeping_paint(value);
                // On a terminal, long values break between words under
                // their label's column rather than anywhere.
                let room = self
                    .width
                    .map_or(usize::MAX, |w| w.saturating_sub(width + 4));
                let wrapped: Vec<String> = value.lines().flat_map(|l| wrap(l, room)).collect();
                let mut lines = wrapped.iter();
                writeln!(
                    out,
                    "  {label:<width$}  {}",
                    lines.next().map_or("", String::as_str)
                )
                .map_err(Error::output)?;
                for more in lines {
                    writeln!(out, "  {:<width$}  {more}", "").map_err(Error::output)?;
                }
            }
        }
        Ok(())
    }
}

/// Writes one line on standard error. A closed or broken standard error
/// drops the line: a reader that stopped early never aborts a command
/// (`eprintln!` would panic and roll a write back).
pub fn to_stderr(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// A warning on standard error, for the base code that has no `Output`
/// (the undo log); `Output::warning` prints through it.
pub fn warn(text: impl AsRef<str>) {
    to_stderr(&format!("warning: {}", visible(text.as_ref())));
}

/// Stored text made safe for a terminal: C0 and C1 control characters other
/// than newline and tab (an escape sequence hidden in a note, say) and the
/// bidirectional overrides that reorder what follows are shown as
/// `\u{1b}` instead of being obeyed. JSON and CSV keep the text as stored.
pub fn visible(text: &str) -> String {
    if !text.chars().any(is_hidden_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if is_hidden_control(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// The marks and overrides that change the direction of the text after
/// them (U+200E/F, U+202A–202E, U+2066–2069).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text for one table cell: escaped like `visible`, on one line (a line
/// break shows as `↵`, a tab as a space).
fn cell_text(text: &str) -> String {
    visible(text).replace('\n', "↵").replace('\t', " ")
}

impl Output {
    /// `visible`, except that with colour on the colour codes `paint` and
    /// `heading` write (and only those) are kept, so a value a caller
    /// painted keeps its colour while anything else is shown escaped.
    fn visible_keeping_paint(&self, text: &str) -> String {
        if !self.color {
            return visible(text);
        }
        let mut shown = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            let code = PAINT_CODES.iter().find(|code| rest.starts_with(**code));
            if let Some(code) = code {
                shown.push_str(code);
                rest = &rest[code.len()..];
            } else {
                shown.push_str(&visible(c.encode_utf8(&mut [0; 4])));
                rest = &rest[c.len_utf8()..];
            }
        }
        shown
    }
}

/// The colour codes `paint` and `heading` write.
const PAINT_CODES: [&str; 6] = [
    "\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[32m", "\x1b[36m",
];

/// `text` broken into lines of at most `width` columns between words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && display_width(&line) + 1 + display_width(word) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// How many terminal columns `text` takes. Measured on the whole text, not
/// char by char: an emoji with its presentation selector (`❤️`) or a
/// joined sequence (`👩‍⚕️`) takes two columns however many chars it has.
fn display_width(text: &str) -> usize {
    text.width()
}

/// The longest start of `text` that takes at most `room` columns, and the
/// columns it takes.
fn fitting(text: &str, room: usize) -> (&str, usize) {
    if display_width(text) <= room {
        return (text, display_width(text));
    }
    let mut kept = (0, 0);
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let used = display_width(&text[..end]);
        if used > room {
            break;
        }
        kept = (end, used);
    }
    (&text[..kept.0], kept.1)
}

/// The longest end of `text` that takes at most `room` columns.
fn fitting_end(text: &str, room: usize) -> &str {
    let mut start = text.len();
    for (at, _) in text.char_indices().rev() {
        if display_width(&text[at..]) > room {
            break;
        }
        start = at;
    }
    &text[start..]
}

/// When the text before the first match (a marked piece) leaves it no
/// room on a line of `width` columns, the start gives way to a `…` and a
/// few words from just before the match, so the match is always seen.
fn keep_first_match_in_view(pieces: &mut Vec<(String, bool)>, width: usize) {
    let Some(first) = pieces
        .iter()
        .position(|(p, matched)| *matched && !p.is_empty())
    else {
        return;
    };
    let lead: String = pieces[..first].iter().map(|(p, _)| p.as_str()).collect();
    let need = display_width(&pieces[first].0);
    // One column is kept for a closing `…`.
    if display_width(&lead) + need < width {
        return;
    }
    // As much of what stands before the match as leaves room for what
    // follows it, and at least a third of the room the match leaves; from
    // a word's start.
    let room = width.saturating_sub(need + 2);
    let after: usize = pieces[first + 1..]
        .iter()
        .map(|(p, _)| display_width(p))
        .sum();
    let context = (room / 3).max(room.saturating_sub(after));
    let tail = fitting_end(&lead, context);
    let cut_in_a_word = !tail.starts_with(' ') && !lead[..lead.len() - tail.len()].ends_with(' ');
    let tail = match tail.find(' ') {
        Some(space) if cut_in_a_word => &tail[space..],
        None if cut_in_a_word => "",
        _ => tail,
    };
    let shown = format!("…{}", tail.trim_start());
    pieces.splice(..first, [(shown, false)]);
}

/// `text` cut to at most `width` columns, ending in `…` when cut.
fn cut(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let (kept, _) = fitting(text, width.saturating_sub(1));
    let mut kept = kept.trim_end().to_string();
    kept.push('…');
    kept
}

/// What a column may give up when a table is wider than the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Always shown whole (an id, a status).
    Keep,
    /// Long text: cut with `…` first, left out after the others if need be.
    Cut,
    /// Shown whole or left out (a date, a number, a short word).
    Whole,
}

/// A table column: its header and how it behaves on a narrow terminal.
/// `importance` orders what is left out: the least important first (the
/// rightmost among equals).
#[derive(Debug, Clone)]
pub struct Column {
    name: String,
    fit: Fit,
    importance: u8,
}

/// The narrowest a long-text column is cut to (its header may ask more).
const MIN_CUT: usize = 10;

impl Column {
    /// A column never cut or left out: an id or a status.
    pub fn keep(name: &str) -> Column {
        Column {
            name: name.to_string(),
            fit: Fit::Keep,
            importance: u8::MAX,
        }
    }

    /// Long text (a title, an organization, a note): cut with `…` before
    /// anything is left out; left out by `importance` if cutting is not
    /// enough.
    pub fn text(name: &str, importance: u8) -> Column {
        Column {
            name: name.to_string(),
            fit: Fit::Cut,
            importance,
        }
    }

    /// A date, a number or a short word: never cut, left out by
    /// `importance` when the row does not fit.
    pub fn whole(name: &str, importance: u8) -> Column {
        Column {
            name: name.to_string(),
            fit: Fit::Whole,
            importance,
        }
    }
}

/// A bare header is a column shown whole, left out before the ones given
/// an importance.
impl From<&str> for Column {
    fn from(name: &str) -> Column {
        Column::whole(name, 0)
    }
}

/// One table cell: its text (already on one line and escaped), its tone
/// and its alignment.
#[derive(Debug, Clone)]
pub struct Cell {
    text: String,
    tone: Tone,
    right: bool,
}

/// A table for people, built row by row and printed by `Output::print_table`.
#[derive(Debug, Clone)]
pub struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    /// Adds a row of cells, one per column.
    pub fn add_row(&mut self, cells: impl IntoIterator<Item = Cell>) -> &mut Table {
        self.rows.push(cells.into_iter().collect());
        self
    }

    /// Each column's width with nothing cut: its widest cell or header.
    fn natural_widths(&self) -> Vec<usize> {
        self.columns
            .iter()
            .enumerate()
            .map(|(index, column)| {
                self.rows
                    .iter()
                    .filter_map(|row| row.get(index))
                    .map(|cell| display_width(&cell.text))
                    .chain([display_width(&column.name)])
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }
}

/// Fits columns of `natural` widths into `width`: the widths to print and
/// which columns are shown. Long text is cut (each cut column keeps at
/// least `MIN_CUT` or its header) before the least important column is left
/// out, one at a time, until the row fits.
fn fit(columns: &[Column], natural: &[usize], width: usize) -> (Vec<usize>, Vec<bool>) {
    let mut shown = vec![true; columns.len()];
    loop {
        if let Some(widths) = cut_to(columns, natural, &shown, width) {
            return (widths, shown);
        }
        let least = (0..columns.len())
            .filter(|&i| shown[i] && columns[i].fit != Fit::Keep)
            .min_by_key(|&i| (columns[i].importance, usize::MAX - i));
        match least {
            Some(index) => shown[index] = false,
            // Only kept columns are left: print them whole.
            None => return (natural.to_vec(), shown),
        }
    }
}

/// The widths that fit the shown columns into `width` by cutting long text
/// only, or `None` when even the shortest cuts are too wide.
fn cut_to(
    columns: &[Column],
    natural: &[usize],
    shown: &[bool],
    width: usize,
) -> Option<Vec<usize>> {
    let visible: Vec<usize> = (0..columns.len()).filter(|&i| shown[i]).collect();
    let gaps = 2 * visible.len().saturating_sub(1);
    let floor = |i: usize| match columns[i].fit {
        Fit::Cut => natural[i].min(MIN_CUT.max(display_width(&columns[i].name))),
        _ => natural[i],
    };
    let least: usize = visible.iter().map(|&i| floor(i)).sum::<usize>() + gaps;
    if least > width {
        return None;
    }
    let mut widths: Vec<usize> = (0..columns.len()).map(floor).collect();
    // Share what is left among the cut columns, the narrowest wants first,
    // so a short title is whole before a long one grows.
    let mut spare = width - least;
    let mut wanting: Vec<usize> = visible
        .iter()
        .copied()
        .filter(|&i| natural[i] > widths[i])
        .collect();
    wanting.sort_by_key(|&i| natural[i] - widths[i]);
    let mut left = wanting.len();
    for i in wanting {
        let share = spare / left;
        let grow = (natural[i] - widths[i]).min(share);
        widths[i] += grow;
        spare -= grow;
        left -= 1;
    }
    Some(widths)
}

/// The cells of `units` to fill for `done` of `target`: rounded down, so
/// all of them only once `done` reaches `target` (a target of 0 is reached).
fn filled(done: f64, target: f64, units: usize) -> usize {
    if done >= target {
        return units;
    }
    if target <= 0.0 || done <= 0.0 {
        return 0;
    }
    // Below the target, at most all but one, whatever the float rounding.
    ((done / target * units as f64).floor() as usize).min(units.saturating_sub(1))
}

impl Output {
    /// A horizontal bar `value / max` of at most `width` cells: block
    /// characters on a terminal, `#` off one (never escape codes unless
    /// colour is on). Full only once `value` reaches `max` (cells round
    /// down); a value above zero shows at least one eighth (one `#`).
    pub fn bar(&self, value: f64, max: f64, width: usize, tone: Tone) -> String {
        let mut text = String::new();
        if max <= 0.0 || value <= 0.0 {
            return text;
        }
        // A value above zero shows at least a sliver, as a count beside it does.
        if self.terminal {
            let eighths = filled(value, max, width * 8).max(1).min(width * 8);
            text.push_str(&"█".repeat(eighths / 8));
            if eighths % 8 > 0 {
                text.push(PARTIAL_BLOCKS[eighths % 8]);
            }
        } else {
            text.push_str(&"#".repeat(filled(value, max, width).max(1).min(width)));
        }
        self.paint(&text, tone)
    }

    /// A sparkline of counts (oldest first): eight block heights on a
    /// terminal, rounded down so only the highest count reaches the top
    /// and any count above zero rises above the floor; off a terminal, the
    /// numbers themselves, which read as well.
    pub fn sparkline(&self, values: &[i64]) -> String {
        if !self.terminal {
            return values
                .iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join(" ");
        }
        let max = values.iter().copied().max().unwrap_or(0);
        values
            .iter()
            .map(|&v| {
                if max <= 0 || v <= 0 {
                    '▁'
                } else if v >= max {
                    SPARK_BLOCKS[7]
                } else {
                    // Rounded down like the bars: only the highest week
                    // reaches the top, and any activity rises above none.
                    SPARK_BLOCKS[filled(v as f64, max as f64, 7).clamp(1, 6)]
                }
            })
            .collect()
    }

    /// A progress bar `[####------] done/target`, green once reached; never
    /// full before then (cells round down).
    pub fn progress(&self, done: f64, target: f64, width: usize) -> String {
        let filled = filled(done, target, width);
        let (full, empty) = if self.terminal {
            ("█", "░")
        } else {
            ("#", "-")
        };
        let tone = if done >= target {
            Tone::Good
        } else {
            Tone::Active
        };
        format!(
            "[{}{}] {}/{}",
            self.paint(&full.repeat(filled), tone),
            empty.repeat(width - filled),
            hours(done),
            hours(target)
        )
    }

    /// Prints CSV (RFC 4180) with a header; every text cell is made safe to
    /// open in a spreadsheet (see `spreadsheet_safe`). `None` is an empty cell.
    pub fn print_csv<R>(&self, header: &[&str], rows: impl IntoIterator<Item = R>) -> Result<()>
    where
        R: IntoIterator<Item = Option<String>>,
    {
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        out.write_all(csv_line(header.iter().map(|h| Some(*h))).as_bytes())
            .map_err(Error::output)?;
        for row in rows {
            let cells: Vec<Option<String>> = row
                .into_iter()
                .map(|cell| cell.map(|c| spreadsheet_safe(&c).into_owned()))
                .collect();
            out.write_all(csv_line(cells.iter().map(|c| c.as_deref())).as_bytes())
                .map_err(Error::output)?;
        }
        out.flush().map_err(Error::output)?;
        Ok(())
    }
}

const PARTIAL_BLOCKS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SPARK_BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Streams a JSON array one element at a time, so a long list never sits
/// in memory.
pub struct JsonArray<W: Write> {
    out: W,
    first: bool,
}

impl JsonArray<io::BufWriter<io::StdoutLock<'static>>> {
    /// Starts an array on standard output (buffered: it may be long).
    pub fn stdout() -> Result<Self> {
        JsonArray::new(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()))
    }
}

impl<W: Write> JsonArray<W> {
    /// Starts an array on `out`.
    pub fn new(mut out: W) -> Result<Self> {
        out.write_all(b"[").map_err(Error::output)?;
        Ok(JsonArray { out, first: true })
    }

    /// Writes one element.
    pub fn push<T: Serialize>(&mut self, value: &T) -> Result<()> {
        self.out
            .write_all(if self.first { b"\n  " } else { b",\n  " })
            .map_err(Error::output)?;
        self.first = false;
        let text = serde_json::to_string_pretty(value).map_err(|e| Error::output(e.into()))?;
        self.out
            .write_all(text.replace('\n', "\n  ").as_bytes())
            .map_err(Error::output)?;
        Ok(())
    }

    /// Closes the array.
    pub fn finish(mut self) -> Result<()> {
        self.out
            .write_all(if self.first { b"]\n" } else { b"\n]\n" })
            .map_err(Error::output)?;
        self.out.flush().map_err(Error::output)?;
        Ok(())
    }
}

/// Formats money with thousands separators: 42000 → "42,000".
pub fn money(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if amount < 0 {
        out.insert(0, '-');
    }
    out
}

/// An amount of pay: thousands separated, cents only when there are any
/// ("45,000", "19.50").
pub fn pay(amount: f64) -> String {
    let cents = (amount * 100.0).round() as i64;
    let whole = money(cents / 100);
    match cents % 100 {
        0 => whole,
        part => format!("{whole}.{:02}", part.abs()),
    }
}

/// Serializes a number as an integer when it is whole (counts, whole
/// amounts), else with its decimals: `42000`, not `42000.0`.
pub fn whole_if_whole<S: serde::Serializer>(
    value: &f64,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// [`whole_if_whole`] for an optional number (`null` when absent).
pub fn opt_whole_if_whole<S: serde::Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    match value {
        Some(value) => whole_if_whole(value, serializer),
        None => serializer.serialize_none(),
    }
}

/// Formats hours with at most two decimals and no trailing zeros: 2.5 → "2.5".
pub fn hours(value: f64) -> String {
    let text = format!("{:.2}", value);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// "1 hour", "2.5 hours".
pub fn hours_phrase(value: f64) -> String {
    if value == 1.0 {
        "1 hour".to_string()
    } else {
        format!("{} hours", hours(value))
    }
}

/// A size in bytes for people: "512 B", "48.2 KiB", "1.5 MiB".
pub fn byte_size(bytes: i64) -> String {
    const KIB: f64 = 1024.0;
    let n = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if n < KIB * KIB {
        format!("{:.1} KiB", n / KIB)
    } else {
        format!("{:.1} MiB", n / (KIB * KIB))
    }
}

/// A count with its noun: "1 contact", "2 contacts" (the one pluralizer).
pub fn count_of(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Makes a text cell safe to open in a spreadsheet (OWASP CSV injection):
/// text beginning with `=`, `+`, `-`, `@`, tab, CR or LF, or whose first
/// character after leading spaces is `=`, `+`, `-` or `@` (spreadsheets
/// that trim spaces evaluate it), gets a leading `'`; text beginning with
/// `'` gets one more, so import can remove exactly one and get the text
/// back.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    let formula = |c: char| matches!(c, '=' | '+' | '-' | '@');
    let first_visible = text.trim_start().chars().next().is_some_and(formula);
    match text.chars().next() {
        Some('\t' | '\r' | '\n' | '\'') => Cow::Owned(format!("'{text}")),
        _ if first_visible => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// Removes the one leading `'` that `spreadsheet_safe` adds (import side).
pub fn spreadsheet_unsafe(text: &str) -> &str {
    text.strip_prefix('\'').unwrap_or(text)
}

/// One CSV line (RFC 4180 quoting, `\n` ending); `None` is an empty cell.
/// Callers pass text cells through `spreadsheet_safe` first.
pub fn csv_line<'a>(cells: impl IntoIterator<Item = Option<&'a str>>) -> String {
    let mut line = String::new();
    for (index, cell) in cells.into_iter().enumerate() {
        if index > 0 {
            line.push(',');
        }
        let cell = cell.unwrap_or("");
        if cell.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&cell.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(cell);
        }
    }
    line.push('\n');
    line
}

/// A command for people to paste, each word quoted for POSIX shells where
/// it needs it (`jobtrack org rename 'Mercy $(x)' Mercy`), so that pasting
/// it runs exactly that command.
pub fn shell_command<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    words
        .into_iter()
        .map(shell_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One word for a POSIX shell: as it is when it holds only characters no
/// shell treats specially, else in single quotes (a `'` inside becomes
/// `'\''`).
pub fn shell_word(word: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-./:@%+=,".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(format!("'{}'", word.replace('\'', "'\\''")))
    }
}

/// A date, or an empty cell.
pub fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(visible("plain\ttext\nline"), "plain\ttext\nline");
        assert_eq!(visible("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(visible("\u{202e}rtl"), "\\u{202e}rtl");
        assert_eq!(visible("a\u{9b}b\u{2066}c"), "a\\u{9b}b\\u{2066}c");
        assert_eq!(cell_text("two\nlines\tand tab"), "two↵lines and tab");
    }

    #[test]
    fn charts_are_plain_text_off_a_terminal() {
        let out = Output {
            json: false,
            quiet: false,
            color: false,
            terminal: false,
            width: None,
            wide: false,
        };
        assert_eq!(out.bar(5.0, 10.0, 10, Tone::Plain), "#####");
        assert_eq!(out.bar(0.0, 0.0, 10, Tone::Plain), "");
        assert_eq!(out.sparkline(&[0, 3, 1]), "0 3 1");
        assert_eq!(out.progress(3.0, 10.0, 10), "[###-------] 3/10");
        assert_eq!(out.progress(12.0, 10.0, 4), "[####] 12/10");
        assert_eq!(
            out.progress(9.75, 10.0, 20),
            "[###################-] 9.75/10"
        );
        assert_eq!(out.progress(9.99, 10.0, 4), "[###-] 9.99/10");
        assert_eq!(out.progress(0.0, 0.0, 4), "[####] 0/0");
        assert_eq!(out.bar(1.0, 1000.0, 10, Tone::Plain), "#");
        assert_eq!(out.bar(59.0, 60.0, 30, Tone::Plain), "#".repeat(29));
        assert_eq!(out.bar(60.0, 60.0, 30, Tone::Plain), "#".repeat(30));
        let terminal = Output {
            terminal: true,
            ..out
        };
        assert_eq!(terminal.sparkline(&[0, 7, 14]), "▁▄█");
        assert_eq!(terminal.sparkline(&[1, 13, 14]), "▂▇█");
        assert_eq!(terminal.bar(1.0, 2.0, 2, Tone::Plain), "█");
        assert_eq!(terminal.bar(59.0, 60.0, 1, Tone::Plain), "▉");
        assert_eq!(terminal.bar(1.0, 1000.0, 2, Tone::Plain), "▏");
    }

    #[test]
    fn painted_fields_keep_their_colour_and_nothing_else() {
        let out = Output {
            json: false,
            quiet: false,
            color: true,
            terminal: true,
            width: Some(80),
            wide: false,
        };
        let painted = out.paint("offer", Tone::Good);
        assert_eq!(out.visible_keeping_paint(&painted), painted);
        assert_eq!(
            out.visible_keeping_paint("a\x1b]52;c;eA==\x07b\x1b[2J"),
            "a\\u{1b}]52;c;eA==\\u{7}b\\u{1b}[2J"
        );
        let plain = Output {
            color: false,
            ..out
        };
        assert_eq!(plain.visible_keeping_paint("\x1b[31mx"), "\\u{1b}[31mx");
    }

    #[test]
    fn narrow_tables_cut_text_before_leaving_out_columns() {
        let columns = [
            Column::keep("ID"),
            Column::text("Title", 9),
            Column::whole("Applied", 5),
            Column::whole("Source", 2),
        ];
        // Everything fits: nothing changes.
        assert_eq!(
            fit(&columns, &[2, 30, 10, 12], 80),
            (vec![2, 30, 10, 12], vec![true; 4])
        );
        // Cutting the title is enough.
        assert_eq!(
            fit(&columns, &[2, 30, 10, 12], 50),
            (vec![2, 20, 10, 12], vec![true; 4])
        );
        // Then the least important column goes.
        assert_eq!(
            fit(&columns, &[2, 60, 10, 12], 30),
            (vec![2, 14, 10, 12], vec![true, true, true, false])
        );
        assert_eq!(cut("Health Information Technician", 10), "Health In…");
        assert_eq!(cut("short", 10), "short");
        assert_eq!(display_width("❤️ 👩‍⚕️ 東"), 8);
        assert_eq!(display_width(&cut("❤️❤️❤️", 4)), 4);
        assert_eq!(display_width(&cut("team ❤️ ❤️ ❤️ ❤️", 10)), 10);
        let out = Output {
            json: false,
            quiet: false,
            color: false,
            terminal: false,
            width: None,
            wide: false,
        };
        let far = "one two three four five six seven eight \u{2}needle\u{3} after it";
        assert_eq!(
            out.marked(far, '\u{2}', '\u{3}', Tone::Active, 30),
            "…seven eight needle after it"
        );
        assert_eq!(
            out.marked(far, '\u{2}', '\u{3}', Tone::Active, 12),
            "…needle aft…"
        );
        assert_eq!(
            out.marked(far, '\u{2}', '\u{3}', Tone::Active, 80),
            "one two three four five six seven eight needle after it"
        );
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
    }

    #[test]
    fn suggested_commands_are_quoted_for_the_shell() {
        assert_eq!(
            shell_command(["jobtrack", "app", "list"]),
            "jobtrack app list"
        );
        assert_eq!(
            shell_command(["org", "rename", "Mercy `id` $(x)", "it's"]),
            "org rename 'Mercy `id` $(x)' 'it'\\''s'"
        );
        assert_eq!(shell_word(""), "''");
    }

    #[test]
    fn money_has_separators() {
        assert_eq!(money(0), "0");
        assert_eq!(money(999), "999");
        assert_eq!(money(42000), "42,000");
        assert_eq!(money(1234567), "1,234,567");
    }

    #[test]
    fn hours_drop_trailing_zeros() {
        assert_eq!(hours(2.0), "2");
        assert_eq!(hours(2.5), "2.5");
        assert_eq!(hours(0.25), "0.25");
    }

    #[test]
    fn json_array_streams_valid_json() {
        let mut buffer = Vec::new();
        let mut array = JsonArray::new(&mut buffer).unwrap();
        array.push(&serde_json::json!({"a": 1})).unwrap();
        array.push(&serde_json::json!({"b": [1, 2]})).unwrap();
        array.finish().unwrap();
        let parsed: serde_json::Value = serde_json::from_slice(&buffer).unwrap();
        assert_eq!(parsed, serde_json::json!([{"a": 1}, {"b": [1, 2]}]));
        let mut empty = Vec::new();
        JsonArray::new(&mut empty).unwrap().finish().unwrap();
        assert_eq!(String::from_utf8(empty).unwrap(), "[]\n");
    }

    #[test]
    fn formula_starts_get_a_quote_and_quotes_get_one_more() {
        for (text, safe) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1 555", "'+1 555"),
            ("-3", "'-3"),
            ("  =1+1", "'  =1+1"),
            ("\u{a0}@x", "'\u{a0}@x"),
            ("  plain", "  plain"),
            ("@home", "'@home"),
            ("\tx", "'\tx"),
            ("\nx", "'\nx"),
            ("\rx", "'\rx"),
            ("'quoted", "''quoted"),
            ("plain", "plain"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_safe(text), safe);
            assert_eq!(spreadsheet_unsafe(&spreadsheet_safe(text)), text);
        }
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(
            csv_line([
                Some("a"),
                None,
                Some("b,c"),
                Some("say \"hi\""),
                Some("x\ny")
            ]),
            "a,,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\n"
        );
    }
}
