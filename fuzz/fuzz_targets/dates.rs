//! Fuzzes the date grammar: any text is a date or a clear error, never a panic.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    match jobtrack::dates::parse_relative(text, today) {
        Some(date) => {
            // A parsed ISO date prints back to itself.
            if let Some(iso) = jobtrack::dates::parse_iso(text) {
                assert_eq!(iso, date);
                assert_eq!(iso.format("%Y-%m-%d").to_string(), text);
            }
        }
        None => {
            let message = jobtrack::dates::parse("--on", text, today)
                .unwrap_err()
                .to_string();
            assert!(message.contains("--on"));
        }
    }
});
