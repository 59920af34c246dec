//! Fuzzes the saved-page reader behind `app add --from`: any text, as a
//! page or as the HTML of a description, is read into fields or found to
//! hold no posting, never a panic.
#![no_main]

use jobtrack::applications::page;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = page::read(&text);
    let _ = page::html_text(&text);
});
