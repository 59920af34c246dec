//! Generates a large, realistic jobtrack database for benchmarks:
//! `cargo run --release --example generate -- N PATH [NOTES]` writes N
//! applications with their histories, plus N/10 contacts, N/5 interactions
//! and N/50 volunteer shifts, deterministically (same N, same file
//! contents); NOTES adds that many history notes for the search benchmark,
//! one in 60 holding the word `telehealth`.

use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection};

/// A small deterministic generator (xorshift64*), so runs are repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SOURCES: &[&str] = &[
    "indeed",
    "linkedin",
    "referral",
    "career_fair",
    "company_site",
    "handshake",
];
const TITLES: &[&str] = &[
    "Health Information Technician",
    "Medical Records Clerk",
    "Coding Specialist",
    "Release of Information Specialist",
    "Clinical Documentation Specialist",
    "HIM Analyst",
    "Cancer Registrar",
    "Privacy Coordinator",
];
const CHANNELS: &[&str] = &[
    "email", "call", "meeting", "message", "event", "coffee", "other",
];
const RELATIONSHIPS: &[&str] = &[
    "mentor",
    "friend",
    "colleague",
    "recruiter",
    "alumni",
    "professional",
    "other",
];

const NOTE_OPENERS: &[&str] = &[
    "Recruiter called about",
    "Emailed HR about",
    "Asked the hiring manager about",
    "Read up on",
    "Prepared notes on",
];
const NOTE_TOPICS: &[&str] = &[
    "coding backlog",
    "Epic migration",
    "release of information",
    "cancer registry",
    "privacy audit",
    "remote work",
    "night shift",
    "CDI program",
    "chart abstraction",
    "ICD-10 training",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: generate N PATH [NOTES]";
    let n: i64 = args.next().ok_or(usage)?.parse()?;
    let path = PathBuf::from(args.next().ok_or(usage)?);
    let notes: i64 = args.next().map_or(Ok(0), |a| a.parse())?;
    if path.exists() {
        return Err(format!("{} exists; remove it first", path.display()).into());
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).ok_or("date")?;
    let day = |offset: u64| today.checked_sub_days(Days::new(offset)).unwrap_or(today);
    let stamp = "2026-11-26T08:00:00Z";
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);

    let mut conn = Connection::open(&path)?;
    // Build fast (no journal, a big cache); the finished file is WAL like any jobtrack database.
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "cache_size", -512 * 1024)?;
    conn.execute_batch(jobtrack::db::SCHEMA)?;
    let tx = conn.transaction()?;
    let orgs = (n / 20).max(1);
    {
        let mut insert =
            tx.prepare("INSERT INTO organizations (id, name, created_at) VALUES (?1, ?2, ?3)")?;
        for id in 1..=orgs {
            insert.execute(params![id, format!("Organization {id:07}"), stamp])?;
        }
        let contacts = (n / 10).max(1);
        let mut insert = tx.prepare(
            "INSERT INTO contacts (id, name, org_id, relationship, added_on, follow_up_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for id in 1..=contacts {
            let follow_up =
                (rng.below(10) == 0).then(|| day(rng.below(60)).checked_add_days(Days::new(30)));
            insert.execute(params![
                id,
                format!("Contact {id:07}"),
                1 + rng.below(orgs as u64) as i64,
                RELATIONSHIPS[rng.below(RELATIONSHIPS.len() as u64) as usize],
                day(200 + rng.below(500)),
                follow_up.flatten(),
            ])?;
        }
        let mut insert = tx.prepare(
            "INSERT INTO interactions (contact_id, date, channel, note) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for i in 0..(n / 5).max(1) {
            insert.execute(params![
                1 + rng.below(contacts as u64) as i64,
                day(rng.below(700)),
                CHANNELS[rng.below(CHANNELS.len() as u64) as usize],
                format!("talked about openings ({i})"),
            ])?;
        }
        let mut insert = tx.prepare(
            "INSERT INTO volunteer_shifts (org_id, date, hours, role) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for _ in 0..(n / 50).max(1) {
            insert.execute(params![
                1 + rng.below(orgs as u64) as i64,
                day(rng.below(700)),
                (1 + rng.below(16)) as f64 / 2.0,
                "Front desk volunteer",
            ])?;
        }

        let mut app = tx.prepare(
            "INSERT INTO applications (id, org_id, title, status, source, applied_on, follow_up_on, notes,
                 created_at, updated_at, added_on, stage_since, last_activity_on, furthest_status, responded_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?;
        let mut event = tx.prepare(
            "INSERT INTO application_events (application_id, date, kind, from_status, to_status, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        // Each application walks part of a path and may end closed.
        let ladder = ["applied", "screening", "interview", "offer"];
        for id in 1..=n {
            let applied_on = day(1 + rng.below(700));
            let steps = match rng.below(100) {
                0..=54 => 1,
                55..=79 => 2,
                80..=94 => 3,
                _ => 4,
            };
            // Like a real search: most applications older than two months
            // have ended (rejected, ghosted, withdrawn); recent ones are open.
            let age = (today - applied_on).num_days();
            let closing = match (age > 60, rng.below(20)) {
                (true, 0) | (false, 0..=12) => None,
                (_, 1..=8) | (true, 13..=14) => Some("rejected"),
                (_, 9..=12) | (true, 15..=18) => Some("ghosted"),
                _ => Some("withdrawn"),
            };
            let mut date = applied_on;
            let mut from: Option<&str> = None;
            let mut responded: Option<NaiveDate> = None;
            let mut history: Vec<(NaiveDate, Option<&str>, &str)> = vec![(date, from, ladder[0])];
            from = Some(ladder[0]);
            for stage in ladder.iter().take(steps).skip(1) {
                date = date
                    .checked_add_days(Days::new(1 + rng.below(14)))
                    .unwrap_or(date)
                    .min(today);
                history.push((date, from, stage));
                responded.get_or_insert(date);
                from = Some(stage);
            }
            let furthest = ladder[steps - 1];
            let status = match closing {
                Some(closed) => {
                    date = date
                        .checked_add_days(Days::new(1 + rng.below(20)))
                        .unwrap_or(date)
                        .min(today);
                    history.push((date, from, closed));
                    if closed == "rejected" {
                        responded.get_or_insert(date);
                    }
                    closed
                }
                None => furthest,
            };
            let follow_up = closing
                .is_none()
                .then(|| date.checked_add_days(Days::new(7)))
                .flatten();
            app.execute(params![
                id,
                1 + rng.below(orgs as u64) as i64,
                TITLES[rng.below(TITLES.len() as u64) as usize],
                status,
                SOURCES[rng.below(SOURCES.len() as u64) as usize],
                applied_on,
                follow_up,
                (rng.below(4) == 0).then_some("Found through the HIM chapter newsletter"),
                stamp,
                applied_on,
                date,
                date,
                furthest,
                responded,
            ])?;
            for (date, from, to) in history {
                event.execute(params![
                    id,
                    date,
                    "status",
                    from,
                    to,
                    Option::<String>::None
                ])?;
            }
        }
        let mut note = tx.prepare(
            "INSERT INTO application_events (application_id, date, kind, note) VALUES (?1, ?2, 'note', ?3)",
        )?;
        for i in 0..notes {
            let topic = if i % 60 == 0 {
                "telehealth"
            } else {
                NOTE_TOPICS[rng.below(NOTE_TOPICS.len() as u64) as usize]
            };
            let opener = NOTE_OPENERS[rng.below(NOTE_OPENERS.len() as u64) as usize];
            note.execute(params![
                1 + rng.below(n as u64) as i64,
                day(rng.below(300)),
                format!("{opener} the {topic} question; follow up after the panel ({i})"),
            ])?;
        }
    }
    tx.commit()?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    println!("{}", path.display());
    Ok(())
}
