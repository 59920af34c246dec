//! Eligibility: the year arithmetic of `credentials.md` and the evaluation
//! of each catalog route against education, experience and held credentials.

use serde::Serialize;

use super::catalog::{Confidence, Credential, Req};
pub use crate::profile::{hundredths, union_days, years_text, Years};
use crate::profile::{EduStatus, Education, Level};

/// "needs X more years": the shortfall rounded up to one decimal, never 0.0.
pub fn shortfall_text(needed_years: u32, have_hundredths: i64) -> Option<String> {
    let short = i64::from(needed_years) * 100 - have_hundredths;
    if short <= 0 {
        return None;
    }
    let tenths = (short + 9) / 10;
    Some(format!("{}.{}", tenths / 10, tenths % 10))
}

/// What eligibility is judged on.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub education: Vec<Education>,
    pub years: Years,
    /// Codes of the credentials held (status `passed`).
    pub held: Vec<String>,
}

/// The verdict for one credential, as `cert check` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub code: &'static str,
    /// True or false by the rules; null for advice-only credentials.
    pub eligible: Option<bool>,
    /// The route that qualifies, or null.
    pub route: Option<String>,
    /// When not eligible: the route closest to qualifying.
    pub closest_route: Option<&'static str>,
    /// What is missing on the closest route, in words.
    pub missing: Vec<String>,
    /// What the issuer asks or recommends, and reminders.
    pub advice: Vec<String>,
    pub confidence: Confidence,
}

/// One missing item and how far off it is (1: a fact is there but not
/// right; 2: the fact is absent), for choosing the closest route.
struct Missing {
    text: String,
    weight: u32,
    /// Hundredths of a year still missing (ties between routes go to the nearer).
    shortfall: i64,
}

#[derive(Default)]
struct Outcome {
    missing: Vec<Missing>,
    final_term: bool,
}

/// Judges one credential.
pub fn check(credential: &Credential, facts: &Facts) -> Check {
    let mut advice: Vec<String> = credential.advice.iter().map(|a| a.to_string()).collect();
    if facts.held.iter().any(|c| c == credential.code) {
        advice.insert(0, format!("you already hold the {}", credential.code));
    }
    if credential.advice_only() {
        advice.push("confirm with the issuer".into());
        return Check {
            code: credential.code,
            eligible: None,
            route: None,
            closest_route: None,
            missing: Vec::new(),
            advice,
            confidence: credential.confidence,
        };
    }
    let mut closest: Option<((u32, i64), &'static str, Vec<String>)> = None;
    // Every qualifying route, by preference: the fewest years asked, a
    // completed degree before a final term, the highest degree, then the
    // catalog order.
    let mut qualifying: Option<(RoutePreference, &'static str, bool)> = None;
    for (index, route) in credential.routes.iter().enumerate() {
        let outcome = evaluate(&route.requires, facts, credential.code);
        if outcome.missing.is_empty() {
            let preference = (
                years_asked(&route.requires),
                outcome.final_term,
                std::cmp::Reverse(degree_rank(&route.requires)),
                index,
            );
            if qualifying
                .as_ref()
                .is_none_or(|(best, _, _)| preference < *best)
            {
                qualifying = Some((preference, route.label, outcome.final_term));
            }
            continue;
        }
        let weight = (
            outcome.missing.iter().map(|m| m.weight).sum(),
            outcome.missing.iter().map(|m| m.shortfall).sum(),
        );
        if closest.as_ref().is_none_or(|(best, _, _)| weight < *best) {
            let texts = outcome.missing.into_iter().map(|m| m.text).collect();
            closest = Some((weight, route.label, texts));
        }
    }
    if let Some((_, label, final_term)) = qualifying {
        let mut label = label.to_string();
        if final_term {
            label.push_str(" (final term)");
        }
        return Check {
            code: credential.code,
            eligible: Some(true),
            route: Some(label),
            closest_route: None,
            missing: Vec::new(),
            advice,
            confidence: credential.confidence,
        };
    }
    advice.extend(credential.not_eligible_advice.iter().map(|a| a.to_string()));
    let (_, label, mut missing) = closest.unwrap_or(((0, 0), "", Vec::new()));
    // A completed master's entered without --cahiim never qualifies where a
    // CAHIIM HIM master's would: say so whichever route came closest.
    let informatics = informatics_master_text(credential.code);
    if wants_cahiim_master(credential)
        && facts.education.iter().any(|e| {
            e.level == Level::Master && !e.cahiim_accredited && e.status == EduStatus::Completed
        })
        && !missing.contains(&informatics)
    {
        missing.insert(0, informatics);
    }
    Check {
        code: credential.code,
        eligible: Some(false),
        route: None,
        closest_route: Some(label),
        missing,
        advice,
        confidence: credential.confidence,
    }
}

/// How a qualifying route ranks (lower is preferred).
type RoutePreference = (u32, bool, std::cmp::Reverse<Option<u8>>, usize);

/// The most years a route asks for (total or in healthcare).
fn years_asked(req: &Req) -> u32 {
    match *req {
        Req::Years { total, healthcare } => total.max(healthcare),
        Req::All { of } => of.iter().map(years_asked).max().unwrap_or(0),
        Req::Degree { .. } | Req::Held { .. } | Req::Always => 0,
    }
}

/// The highest degree a route asks for (the lowest level each degree
/// requirement accepts), or None when it asks for no degree.
fn degree_rank(req: &Req) -> Option<u8> {
    match *req {
        Req::Degree { levels, .. } => levels.iter().map(|l| *l as u8).min(),
        Req::All { of } => of.iter().filter_map(degree_rank).max(),
        Req::Years { .. } | Req::Held { .. } | Req::Always => None,
    }
}

/// True when a route asks for a CAHIIM-accredited master's (the RHIA).
fn wants_cahiim_master(credential: &Credential) -> bool {
    fn asks(req: &Req) -> bool {
        match *req {
            Req::Degree { levels, cahiim, .. } => cahiim && levels.contains(&Level::Master),
            Req::All { of } => of.iter().any(asks),
            _ => false,
        }
    }
    credential.routes.iter().any(|r| asks(&r.requires))
}

/// What `credentials.md` says about a master's entered without `--cahiim`.
fn informatics_master_text(code: &str) -> String {
    format!(
        "a health-informatics or other master's does not qualify; the {code} needs a \
         CAHIIM-accredited HIM program"
    )
}

fn evaluate(req: &Req, facts: &Facts, code: &str) -> Outcome {
    match *req {
        Req::Always => Outcome::default(),
        Req::All { of } => {
            let mut outcome = Outcome::default();
            for part in of {
                let inner = evaluate(part, facts, code);
                outcome.missing.extend(inner.missing);
                outcome.final_term |= inner.final_term;
            }
            outcome
        }
        Req::Held { codes } => {
            if codes.iter().any(|c| facts.held.iter().any(|h| h == c)) {
                return Outcome::default();
            }
            let text = match codes {
                [one] => format!("needs the {one} passed"),
                _ => format!("needs one of these passed: {}", or_list(codes)),
            };
            missing(text, 2)
        }
        Req::Years { total, healthcare } => {
            let mut outcome = Outcome::default();
            let wanted = [
                (total, facts.years.total, "experience"),
                (healthcare, facts.years.healthcare, "healthcare experience"),
            ];
            for (needed, have, what) in wanted {
                if let Some(short) = shortfall_text(needed, have) {
                    outcome.missing.push(Missing {
                        text: format!("needs {short} more years of {what}"),
                        weight: 1,
                        shortfall: i64::from(needed) * 100 - have,
                    });
                }
            }
            outcome
        }
        Req::Degree {
            levels,
            cahiim,
            final_term,
        } => degree(facts, code, levels, cahiim, final_term),
    }
}

fn degree(facts: &Facts, code: &str, levels: &[Level], cahiim: bool, final_term: bool) -> Outcome {
    let status_ok =
        |s: EduStatus| s == EduStatus::Completed || (final_term && s == EduStatus::FinalTerm);
    let candidates: Vec<&Education> = facts
        .education
        .iter()
        .filter(|e| levels.contains(&e.level))
        .collect();
    let accredited: Vec<&Education> = candidates
        .iter()
        .copied()
        .filter(|e| !cahiim || e.cahiim_accredited)
        .collect();
    let best = accredited
        .iter()
        .filter(|e| status_ok(e.status))
        .min_by_key(|e| e.status != EduStatus::Completed);
    if let Some(row) = best {
        return Outcome {
            missing: Vec::new(),
            final_term: row.status == EduStatus::FinalTerm,
        };
    }
    let Some(first) = candidates.first() else {
        return missing(needs_degree(levels, cahiim, final_term), 2);
    };
    if accredited.is_empty() {
        let text = if matches!(first.level, Level::Master | Level::Doctorate) {
            informatics_master_text(code)
        } else {
            format!(
                "your {} program must be CAHIIM-accredited",
                first.level.possessive()
            )
        };
        return missing(text, 1);
    }
    let row = accredited[0];
    let now = match row.status {
        EduStatus::FinalTerm => "it is in its final term",
        EduStatus::Enrolled => "it is in progress",
        EduStatus::Planned => "it is planned",
        EduStatus::Completed => "it is completed",
    };
    let text = if final_term {
        format!(
            "your {} program counts from its final term ({now})",
            row.level.possessive()
        )
    } else {
        format!(
            "the {code} needs the {} completed ({now})",
            row.level.possessive()
        )
    };
    missing(text, 1)
}

fn missing(text: String, weight: u32) -> Outcome {
    Outcome {
        missing: vec![Missing {
            text,
            weight,
            shortfall: 0,
        }],
        final_term: false,
    }
}

fn needs_degree(levels: &[Level], cahiim: bool, final_term: bool) -> String {
    let when = if final_term {
        " (completed or in its final term)"
    } else {
        ""
    };
    let completed = if final_term { "" } else { "completed " };
    if levels == [Level::Certificate] {
        let accredited = if cahiim { "CAHIIM-accredited " } else { "" };
        return format!("needs a {completed}{accredited}post-bachelor's HIM certificate{when}");
    }
    let what = match levels {
        [Level::Master, Level::Doctorate] => "graduate degree (master's or doctorate)".to_string(),
        [one] => format!("{} degree", one.possessive()),
        [first, ..] => format!("{} degree or higher", first.possessive()),
        [] => "degree".to_string(),
    };
    let article = if completed.is_empty() && what.starts_with('a') {
        "an"
    } else {
        "a"
    };
    let from = if cahiim {
        " from a CAHIIM-accredited HIM program"
    } else {
        ""
    };
    format!("needs {article} {completed}{what}{from}{when}")
}

fn or_list(codes: &[&str]) -> String {
    match codes {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::catalog::{find, CATALOG};
    use super::*;
    use crate::profile::Experience;

    fn d(text: &str) -> NaiveDate {
        crate::dates::parse_iso(text).unwrap()
    }

    fn job(from: &str, to: Option<&str>, healthcare: bool) -> Experience {
        Experience {
            id: 0,
            org: "X".into(),
            title: "T".into(),
            started_on: d(from),
            ended_on: to.map(d),
            healthcare,
            notes: None,
        }
    }

    fn edu(level: Level, cahiim: bool, status: EduStatus) -> Education {
        Education {
            id: 0,
            school: None,
            level,
            field: "HIM".into(),
            cahiim_accredited: cahiim,
            status,
            started_on: None,
            completed_on: None,
        }
    }

    const TODAY: &str = "2026-11-26";

    fn facts(education: Vec<Education>, jobs: &[Experience], held: &[&str]) -> Facts {
        Facts {
            education,
            years: Years::of(jobs, d(TODAY)),
            held: held.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn verdict(code: &str, facts: &Facts) -> Check {
        check(find(code).unwrap(), facts)
    }

    #[test]
    fn three_calendar_years_count_as_three() {
        let years = Years::of(&[job("2021-01-01", Some("2023-12-31"), false)], d(TODAY));
        assert_eq!(years.total, 300);
        assert_eq!(years.total_text(), "3.00");
    }

    #[test]
    fn overlaps_count_once_and_healthcare_is_its_own_union() {
        let jobs = [
            job("2021-01-01", Some("2022-12-31"), true),
            job("2022-01-01", Some("2023-06-30"), true),
        ];
        let years = Years::of(&jobs, d(TODAY));
        // 911 days ÷ 365.25 = 2.494…
        assert_eq!(years.total, 249);
        assert_eq!(years.healthcare, 249);
        let with_other = [
            jobs[0].clone(),
            jobs[1].clone(),
            job("2023-07-01", Some("2024-01-31"), false),
        ];
        let years = Years::of(&with_other, d(TODAY));
        assert_eq!(years.total, 308);
        assert_eq!(years.healthcare, 249);
    }

    #[test]
    fn ranges_count_both_ends_and_open_ranges_run_through_today() {
        let day = [(d("2026-01-01"), Some(d("2026-01-01")))];
        assert_eq!(union_days(&day, d(TODAY)), 1);
        let open = [(d("2026-11-20"), None)];
        assert_eq!(union_days(&open, d(TODAY)), 7);
        let future = [(d("2026-11-20"), Some(d("2027-01-01")))];
        assert_eq!(union_days(&future, d(TODAY)), 7, "no days after today");
        let not_started = [(d("2027-01-01"), None)];
        assert_eq!(union_days(&not_started, d(TODAY)), 0);
        let touching = [
            (d("2026-01-01"), Some(d("2026-01-10"))),
            (d("2026-01-11"), Some(d("2026-01-20"))),
            (d("2026-01-05"), Some(d("2026-01-06"))),
        ];
        assert_eq!(union_days(&touching, d(TODAY)), 20);
        let apart = [
            (d("2026-03-01"), Some(d("2026-03-10"))),
            (d("2026-01-01"), Some(d("2026-01-10"))),
        ];
        assert_eq!(union_days(&apart, d(TODAY)), 20);
    }

    #[test]
    fn rounding_happens_before_comparing() {
        // 1095 days = 2.998 years, which rounds to 3.00 and meets 3.
        assert_eq!(hundredths(1095), 300);
        assert_eq!(shortfall_text(3, 300), None);
        assert_eq!(hundredths(1094), 300);
        assert_eq!(hundredths(1091), 299);
    }

    #[test]
    fn shortfall_rounds_up_and_never_prints_zero() {
        assert_eq!(shortfall_text(3, 249).as_deref(), Some("0.6"));
        assert_eq!(shortfall_text(3, 250).as_deref(), Some("0.5"));
        assert_eq!(shortfall_text(3, 299).as_deref(), Some("0.1"));
        assert_eq!(shortfall_text(2, 60).as_deref(), Some("1.4"));
        assert_eq!(shortfall_text(5, 0).as_deref(), Some("5.0"));
        assert_eq!(shortfall_text(2, 201), None);
    }

    #[test]
    fn rhit_needs_a_cahiim_associate_completed_or_in_its_final_term() {
        let plain = facts(
            vec![edu(Level::Associate, false, EduStatus::Completed)],
            &[],
            &[],
        );
        let check = verdict("RHIT", &plain);
        assert_eq!(check.eligible, Some(false));
        assert_eq!(
            check.missing,
            ["your associate's program must be CAHIIM-accredited"]
        );
        assert!(check.advice.iter().any(|a| a.contains("experience-only")));

        let done = facts(
            vec![edu(Level::Associate, true, EduStatus::Completed)],
            &[],
            &[],
        );
        let check = verdict("RHIT", &done);
        assert_eq!(check.eligible, Some(true));
        assert_eq!(check.route.as_deref(), Some("associate + CAHIIM"));
        assert_eq!(check.confidence, Confidence::High);

        let final_term = facts(
            vec![edu(Level::Associate, true, EduStatus::FinalTerm)],
            &[],
            &[],
        );
        assert_eq!(
            verdict("RHIT", &final_term).route.as_deref(),
            Some("associate + CAHIIM (final term)")
        );

        let enrolled = facts(
            vec![edu(Level::Associate, true, EduStatus::Enrolled)],
            &[],
            &[],
        );
        let check = verdict("RHIT", &enrolled);
        assert_eq!(check.eligible, Some(false));
        assert!(
            check.missing[0].contains("final term"),
            "{:?}",
            check.missing
        );

        let nothing = facts(vec![], &[job("2010-01-01", None, true)], &[]);
        let check = verdict("RHIT", &nothing);
        assert_eq!(check.eligible, Some(false), "no experience-only route");
        assert!(check.missing[0].contains("CAHIIM-accredited HIM program"));
    }

    #[test]
    fn rhia_routes() {
        let bachelor = facts(
            vec![edu(Level::Bachelor, true, EduStatus::FinalTerm)],
            &[],
            &[],
        );
        let check = verdict("RHIA", &bachelor);
        assert_eq!(check.eligible, Some(true));
        assert_eq!(
            check.route.as_deref(),
            Some("bachelor + CAHIIM (final term)")
        );

        let master = facts(
            vec![edu(Level::Master, true, EduStatus::Completed)],
            &[],
            &[],
        );
        assert_eq!(
            verdict("RHIA", &master).route.as_deref(),
            Some("master + CAHIIM")
        );

        let informatics = facts(
            vec![edu(Level::Master, false, EduStatus::Completed)],
            &[],
            &[],
        );
        let check = verdict("RHIA", &informatics);
        assert_eq!(check.eligible, Some(false));
        assert_eq!(
            check.missing,
            ["a health-informatics or other master's does not qualify; the RHIA needs a CAHIIM-accredited HIM program"]
        );

        let certificate = facts(
            vec![
                edu(Level::Bachelor, false, EduStatus::Completed),
                edu(Level::Certificate, true, EduStatus::FinalTerm),
            ],
            &[],
            &[],
        );
        assert_eq!(
            verdict("RHIA", &certificate).route.as_deref(),
            Some("bachelor + CAHIIM post-bachelor's certificate (final term)")
        );
        let unfinished_bachelor = facts(
            vec![
                edu(Level::Bachelor, false, EduStatus::FinalTerm),
                edu(Level::Certificate, true, EduStatus::Completed),
            ],
            &[],
            &[],
        );
        assert_eq!(verdict("RHIA", &unfinished_bachelor).eligible, Some(false));
        let plain_bachelor = facts(
            vec![edu(Level::Bachelor, false, EduStatus::Completed)],
            &[],
            &[],
        );
        assert_eq!(
            verdict("RHIA", &plain_bachelor).missing,
            ["your bachelor's program must be CAHIIM-accredited"]
        );
    }

    #[test]
    fn cphims_routes_need_completed_degrees_and_years() {
        let healthcare = [
            job("2021-01-01", Some("2022-12-31"), true),
            job("2022-01-01", Some("2023-06-30"), true),
        ];
        let master = facts(
            vec![edu(Level::Master, false, EduStatus::Completed)],
            &healthcare,
            &[],
        );
        let check = verdict("CPHIMS", &master);
        assert_eq!(check.eligible, Some(false));
        assert_eq!(check.missing, ["needs 0.6 more years of experience"]);
        assert_eq!(
            check.closest_route,
            Some("graduate degree + 3 years experience (2 in healthcare)")
        );

        let mut more = healthcare.to_vec();
        more.push(job("2023-07-01", Some("2024-01-31"), false));
        let master = facts(
            vec![edu(Level::Master, false, EduStatus::Completed)],
            &more,
            &[],
        );
        let check = verdict("CPHIMS", &master);
        assert_eq!(check.eligible, Some(true));
        assert_eq!(
            check.route.as_deref(),
            Some("graduate degree + 3 years experience (2 in healthcare)")
        );

        let long = [job("2015-01-01", Some("2020-12-31"), true)];
        let bachelor = facts(
            vec![edu(Level::Bachelor, true, EduStatus::Completed)],
            &long,
            &[],
        );
        assert_eq!(
            verdict("CPHIMS", &bachelor).route.as_deref(),
            Some("bachelor + 5 years experience (3 in healthcare)")
        );
        let final_term = facts(
            vec![edu(Level::Bachelor, true, EduStatus::FinalTerm)],
            &long,
            &[],
        );
        let check = verdict("CPHIMS", &final_term);
        assert_eq!(
            check.eligible,
            Some(false),
            "early testing is RHIT/RHIA only"
        );
        assert_eq!(
            check.missing,
            ["the CPHIMS needs the bachelor's completed (it is in its final term)"]
        );
        let short_healthcare = facts(
            vec![edu(Level::Bachelor, false, EduStatus::Completed)],
            &[job("2015-01-01", Some("2020-12-31"), false)],
            &[],
        );
        assert_eq!(
            verdict("CPHIMS", &short_healthcare).missing,
            ["needs 3.0 more years of healthcare experience"]
        );
    }

    #[test]
    fn cca_is_always_met_with_a_recommendation() {
        let check = verdict("CCA", &Facts::default());
        assert_eq!(check.eligible, Some(true));
        assert_eq!(check.route.as_deref(), Some("high school (always met)"));
        assert!(check.advice[0].contains("6 months of coding"));
        assert_eq!(check.confidence, Confidence::Medium);
    }

    #[test]
    fn chps_routes_count_healthcare_years() {
        let hc = |years: &str| [job(years, None, true)];
        let cases: [(Vec<Education>, &str, &[&str], &str); 6] = [
            (
                vec![],
                "2020-11-01",
                &[],
                "high school + 6 years in healthcare",
            ),
            (
                vec![edu(Level::Associate, false, EduStatus::Completed)],
                "2022-11-01",
                &[],
                "associate + 4 years in healthcare",
            ),
            (
                vec![],
                "2022-11-01",
                &["CCS-P"],
                "CCA, CCS, CCS-P or RHIT + 4 years in healthcare",
            ),
            (
                vec![edu(Level::Bachelor, false, EduStatus::Completed)],
                "2024-11-01",
                &[],
                "bachelor + 2 years in healthcare",
            ),
            (
                vec![],
                "2024-11-01",
                &["RHIA"],
                "RHIA + 2 years in healthcare",
            ),
            (
                vec![edu(Level::Doctorate, false, EduStatus::Completed)],
                "2025-11-01",
                &[],
                "graduate degree + 1 year in healthcare",
            ),
        ];
        for (education, from, held, route) in cases {
            let check = verdict("CHPS", &facts(education, &hc(from), held));
            assert_eq!(check.eligible, Some(true), "{route}");
            assert_eq!(check.route.as_deref(), Some(route));
            assert!(check.advice[0].contains("privacy or security"));
        }
        let not_yet = facts(
            vec![edu(Level::Bachelor, false, EduStatus::Completed)],
            &[
                job("2025-05-01", None, true),
                job("2010-01-01", Some("2019-01-01"), false),
            ],
            &[],
        );
        let check = verdict("CHPS", &not_yet);
        assert_eq!(check.eligible, Some(false));
        assert_eq!(
            check.missing,
            ["needs 0.5 more years of healthcare experience"]
        );
    }

    #[test]
    fn advice_only_credentials_give_no_verdict() {
        for code in ["CAHIMS", "CCS", "CCS-P", "CTR", "CDIP", "CHDA"] {
            let check = verdict(code, &Facts::default());
            assert_eq!(check.eligible, None, "{code}");
            assert!(check.route.is_none() && check.missing.is_empty());
            assert_eq!(check.advice.last().unwrap(), "confirm with the issuer");
        }
        assert_eq!(
            verdict("CTR", &Facts::default()).confidence,
            Confidence::High
        );
        assert_eq!(
            verdict("CDIP", &Facts::default()).confidence,
            Confidence::Low
        );
    }

    #[test]
    fn every_catalog_entry_is_complete() {
        assert_eq!(CATALOG.len(), 11);
        for credential in CATALOG {
            assert!(!credential.sources.is_empty(), "{}", credential.code);
            assert_eq!(credential.checked, "2026-11");
            assert!(credential.renewal.ceu_required > 0);
            // A verdict or advice exists for a user with nothing entered.
            let check = check(credential, &Facts::default());
            assert!(check.eligible.is_some() || !check.advice.is_empty());
        }
    }
}
