//! Rendering: tables for people, JSON for scripts, colour only when wanted.
//! Every byte jobtrack prints on standard output goes through here; no other
//! module writes escape codes.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use comfy_table::{presets, Attribute, Cell, CellAlignment, Color, ContentArrangement, Table};
use serde::Serialize;

use crate::error::Result;

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
    /// Whether standard output is a terminal (box-drawing tables, charts).
    pub terminal: bool,
}

impl Output {
    /// Decides colour once: `always` on, `never` off, `auto` on only when
    /// standard output is a terminal and `NO_COLOR` is unset or empty.
    pub fn new(json: bool, quiet: bool, choice: ColorChoice) -> Self {
        let terminal = io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if choice == ColorChoice::Always && no_color {
            // NO_COLOR is a default for `auto`; an explicit `--color always`
            // wins. The table library's styling reads NO_COLOR itself, so
            // override it there (a setting of that library, not of the
            // environment).
            crossterm::style::force_color_output(true);
        }
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        Output {
            json,
            quiet,
            color,
            terminal,
        }
    }

    /// Prints a value as pretty JSON followed by a newline.
    pub fn print_json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        // Standard output is line-buffered; pretty JSON is many short lines.
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::from)?;
        writeln!(out)?;
        out.flush()?;
        Ok(())
    }

    /// A buffered writer on standard output, for a caller that streams a
    /// long text (such as `export TABLE`) in its own format. The caller
    /// flushes it when done, so a write error is reported rather than lost.
    pub fn stdout_writer(&self) -> io::BufWriter<io::StdoutLock<'static>> {
        io::BufWriter::new(io::stdout().lock())
    }

    /// Prints one line.
    pub fn line(&self, text: impl AsRef<str>) -> Result<()> {
        let mut out = io::stdout().lock();
        writeln!(out, "{}", text.as_ref())?;
        Ok(())
    }

    /// Prints text as it is (it carries its own newlines).
    pub fn raw(&self, text: impl AsRef<str>) -> Result<()> {
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        out.write_all(text.as_ref().as_bytes())?;
        out.flush()?;
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

    /// A notice on standard error (printed in every mode).
    pub fn notice(&self, text: impl AsRef<str>) {
        eprintln!("note: {}", text.as_ref());
    }

    /// A warning on standard error (printed in every mode).
    pub fn warning(&self, text: impl AsRef<str>) {
        warn(text);
    }

    /// A table with the house style and the given header.
    pub fn table<I, S>(&self, header: I) -> Table
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut table = Table::new();
        if self.terminal {
            table.load_style(presets::UTF8_FULL_CONDENSED);
        } else {
            table.load_style(presets::NOTHING);
        }
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        let cells: Vec<Cell> = header
            .into_iter()
            .map(|h| {
                let cell = Cell::new(h.into());
                if self.color {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            })
            .collect();
        table.set_header(cells);
        table
    }

    /// A table cell coloured by tone (plain without colour). Control
    /// characters in stored text are shown escaped, never sent to the terminal.
    pub fn cell(&self, text: impl ToString, tone: Tone) -> Cell {
        let cell = Cell::new(visible(&text.to_string()));
        match (self.color, color_of(tone)) {
            (true, Some(color)) => cell.fg(color),
            _ => cell,
        }
    }

    /// A right-aligned cell for numbers.
    pub fn number(&self, text: impl ToString) -> Cell {
        Cell::new(text.to_string()).set_alignment(CellAlignment::Right)
    }

    /// Prints a table.
    pub fn print_table(&self, table: &Table) -> Result<()> {
        let mut out = io::stdout().lock();
        writeln!(out, "{table}")?;
        Ok(())
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

    /// A heading line (bold with colour).
    pub fn heading(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Prints `label  value` lines aligned on the labels; empty values are left out.
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
                let mut lines = value.lines();
                writeln!(out, "  {label:<width$}  {}", lines.next().unwrap_or(""))?;
                for more in lines {
                    writeln!(out, "  {:<width$}  {more}", "")?;
                }
            }
        }
        Ok(())
    }
}

/// A warning on standard error, for the base code that has no `Output`
/// (the undo log); `Output::warning` prints through it.
pub fn warn(text: impl AsRef<str>) {
    eprintln!("warning: {}", text.as_ref());
}

/// Stored text made safe for a terminal: control characters other than
/// newline and tab (an escape sequence hidden in a note, say) are shown as
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
    c.is_control() && c != '\n' && c != '\t'
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
        out.write_all(csv_line(header.iter().map(|h| Some(*h))).as_bytes())?;
        for row in rows {
            let cells: Vec<Option<String>> = row
                .into_iter()
                .map(|cell| cell.map(|c| spreadsheet_safe(&c).into_owned()))
                .collect();
            out.write_all(csv_line(cells.iter().map(|c| c.as_deref())).as_bytes())?;
        }
        out.flush()?;
        Ok(())
    }
}

const PARTIAL_BLOCKS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SPARK_BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

fn color_of(tone: Tone) -> Option<Color> {
    match tone {
        Tone::Alert => Some(Color::Red),
        Tone::Good => Some(Color::Green),
        Tone::Active => Some(Color::Cyan),
        Tone::Dim => Some(Color::DarkGrey),
        Tone::Plain => None,
    }
}

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
        out.write_all(b"[")?;
        Ok(JsonArray { out, first: true })
    }

    /// Writes one element.
    pub fn push<T: Serialize>(&mut self, value: &T) -> Result<()> {
        self.out
            .write_all(if self.first { b"\n  " } else { b",\n  " })?;
        self.first = false;
        let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
        self.out.write_all(text.replace('\n', "\n  ").as_bytes())?;
        Ok(())
    }

    /// Closes the array.
    pub fn finish(mut self) -> Result<()> {
        self.out
            .write_all(if self.first { b"]\n" } else { b"\n]\n" })?;
        self.out.flush()?;
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

/// A count with its noun: "1 contact", "2 contacts" (the one pluralizer).
pub fn count_of(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Makes a text cell safe to open in a spreadsheet (OWASP CSV injection):
/// text beginning with `=`, `+`, `-`, `@`, tab, CR or LF gets a leading `'`,
/// and text beginning with `'` gets one more, so import can remove exactly
/// one and get the text back.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\'') => Cow::Owned(format!("'{text}")),
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
        assert_eq!(visible("\u{202e}rtl"), "\u{202e}rtl");
    }

    #[test]
    fn charts_are_plain_text_off_a_terminal() {
        let out = Output {
            json: false,
            quiet: false,
            color: false,
            terminal: false,
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
