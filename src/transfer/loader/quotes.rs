//! Watches the bytes a CSV reader reads for a quoted field left open at the
//! end of the input. The csv crate ends such a field quietly at the end of
//! the file, so every row after a stray `"` would become one cell; an import
//! must refuse that instead, naming the row where the quote opened.

use std::io::{self, Read};

/// Where the bytes read so far leave a CSV parser (RFC 4180, as the csv
/// crate reads it: a quote opens a field only at its start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a field.
    Start,
    /// Inside an unquoted field (a quote here is an ordinary character).
    Plain,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: it closed the field, or
    /// doubles with the next byte.
    QuoteInQuoted,
}

/// A reader that passes its input through and remembers whether the input
/// so far ends inside a quoted field.
pub(in crate::transfer) struct QuoteWatch<R> {
    inner: R,
    state: State,
}

impl<R> QuoteWatch<R> {
    pub(in crate::transfer) fn new(inner: R) -> Self {
        QuoteWatch {
            inner,
            state: State::Start,
        }
    }

    /// True when the input read so far ends inside a quoted field: at the
    /// end of the file, a quote that never closed.
    pub(in crate::transfer) fn open_quote(&self) -> bool {
        matches!(self.state, State::Quoted)
    }

    fn watch(&mut self, bytes: &[u8]) {
        let mut state = self.state;
        let mut rest = bytes;
        while !rest.is_empty() {
            if state == State::Quoted {
                // Skip to the next quote: most of a quoted note is text.
                match rest.iter().position(|&b| b == b'"') {
                    Some(at) => {
                        state = State::QuoteInQuoted;
                        rest = &rest[at + 1..];
                    }
                    None => break,
                }
                continue;
            }
            let byte = rest[0];
            rest = &rest[1..];
            state = match (state, byte) {
                (State::QuoteInQuoted, b'"') => State::Quoted,
                (_, b',' | b'\n' | b'\r') => State::Start,
                (State::Start, b'"') => State::Quoted,
                _ => State::Plain,
            };
        }
        self.state = state;
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
