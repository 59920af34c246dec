//! Watches the bytes a CSV reader reads for a quoted field left open at the
//! end of the input. The csv crate ends such a field quietly at the end of
//! the file, so every row after a stray `"` would become one cell; an import
//! must refuse that instead, naming the row where the quote opened.

use std::io::{self, Read};

/// A reader that passes its input through and remembers whether the input
/// so far ends inside a quoted field (RFC 4180, as the csv crate reads it:
/// a quote opens a field only at its start). Only quote bytes are looked
/// at, so plain text costs one search.
pub(in crate::transfer) struct QuoteWatch<R> {
    inner: R,
    /// Inside a quoted field.
    quoted: bool,
    /// The last byte read was a quote inside a quoted field: it closed the
    /// field, unless the next byte is a quote too (an escaped `""`).
    closing: bool,
    /// The last byte read (a line end before the first).
    last: u8,
}

impl<R> QuoteWatch<R> {
    pub(in crate::transfer) fn new(inner: R) -> Self {
        QuoteWatch {
            inner,
            quoted: false,
            closing: false,
            last: b'\n',
        }
    }

    /// True when the input read so far ends inside a quoted field: at the
    /// end of the file, a quote that never closed.
    pub(in crate::transfer) fn open_quote(&self) -> bool {
        self.quoted && !self.closing
    }

    fn watch(&mut self, bytes: &[u8]) {
        let Some(&last) = bytes.last() else {
            return;
        };
        let mut from = 0;
        if self.closing {
            self.closing = false;
            if bytes[0] == b'"' {
                from = 1;
            } else {
                self.quoted = false;
            }
        }
        while let Some(offset) = bytes[from..].iter().position(|&b| b == b'"') {
            let at = from + offset;
            from = at + 1;
            if self.quoted {
                match bytes.get(at + 1) {
                    Some(b'"') => from = at + 2,
                    Some(_) => self.quoted = false,
                    None => self.closing = true,
                }
            } else {
                let before = if at == 0 { self.last } else { bytes[at - 1] };
                self.quoted = matches!(before, b',' | b'\n' | b'\r');
            }
        }
        self.last = last;
    }
}

impl<R: Read> Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.watch(&buf[..read]);
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends_open(text: &str) -> bool {
        let mut watch = QuoteWatch::new(text.as_bytes());
        // Small reads, so states carry across reads.
        let mut buf = [0u8; 3];
        while watch.read(&mut buf).unwrap() > 0 {}
        watch.open_quote()
    }

    #[test]
    fn an_open_quote_at_the_end_is_seen_and_closed_ones_are_not() {
        for closed in [
            "a,b\n1,2\n",
            "a,b\n\"x, y\",2\n",
            "a,b\n\"say \"\"hi\"\"\",2\n",
            "a,b\n5\" screen,2\n",
            "a,b\n\"line one\nline two\",2",
            "a,b\n\"\"\n",
        ] {
            assert!(!ends_open(closed), "{closed:?}");
        }
        for open in ["a,b\n\"never closed,2\n3,4\n", "a,b\n1,\"", "a\n\"x\"\"\n"] {
            assert!(ends_open(open), "{open:?}");
        }
    }
}
