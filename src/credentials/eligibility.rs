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
    /// True or false by the rules (true when held); null for advice-only credentials.
    pub eligible: Option<bool>,
    /// The user holds it (tracked with status `passed`).
    pub held: bool,
    /// The route that qualifies ("held" when held), or null.
    pub route: Option<String>,
    /// When not eligible: the route needing the least effort.
    pub closest_route: Option<&'static str>,
    /// What is missing on the closest route, in words.
    pub missing: Vec<String>,
    /// What the issuer asks or recommends, and reminders.
    pub advice: Vec<String>,
    pub confidence: Confidence,
}

/// Effort is counted in hundredths of a year: a degree step weighs about a
/// year (`credentials.md`: "a year missing weighs about as much as a degree
/// step"), and a years shortfall weighs by its size.
const DEGREE_STEP: i64 = 100;
/// Sitting an exam one is eligible for.
const EXAM: i64 = 25;
/// How deep `Held` requirements are followed (CHPS → RHIA → its routes).
const MAX_DEPTH: u8 = 2;

/// What a route still needs, and how much effort that is.
#[derive(Default)]
struct Outcome {
    missing: Vec<String>,
    /// Hundredths of a year of effort (0 when the route is met).
    effort: i64,
    /// The highest degree still to earn or finish on this route, for ties
    /// (the lowest such step wins; a route with none ranks first).
    step: Option<u8>,
    final_term: bool,
}

impl Outcome {
    fn met(&self) -> bool {
        self.missing.is_empty()
    }

    fn need(text: String, effort: i64, step: Option<u8>) -> Outcome {
        Outcome {
            missing: vec![text],
            effort,
            step,
            final_term: false,
        }
    }
}

/// Judges one credential.
pub fn check(credential: &Credential, facts: &Facts) -> Check {
    let verdict = Check {
        code: credential.code,
        eligible: None,
        held: false,
        route: None,
        closest_route: None,
        missing: Vec::new(),
        advice: credential.advice.iter().map(|a| a.to_string()).collect(),
        confidence: credential.confidence,
    };
    if facts.held.iter().any(|c| c == credential.code) {
        return Check {
            eligible: Some(true),
            held: true,
            route: Some("held".into()),
            advice: Vec::new(),
            ..verdict
        };
    }
    if credential.advice_only() {
        let mut advice = verdict.advice.clone();
        advice.push("confirm with the issuer".into());
        return Check { advice, ..verdict };
    }
    let (qualifying, closest) = best_routes(credential, facts);
    if let Some((_, label, final_term)) = qualifying {
        let mut label = label.to_string();
        if final_term {
            label.push_str(" (final term)");
        }
        return Check {
            eligible: Some(true),
            route: Some(label),
            ..verdict
        };
    }
    let mut advice = verdict.advice.clone();
    advice.extend(credential.not_eligible_advice.iter().map(|a| a.to_string()));
    let (_, label, mut missing) = closest.unwrap_or(((0, None), "", Vec::new()));
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
        eligible: Some(false),
        closest_route: Some(label),
        missing,
        advice,
        ..verdict
    }
}

/// The best qualifying route (label, and whether it counts a final term)
/// and, among the routes not met, the closest with what it lacks.
type Qualifying = (RoutePreference, &'static str, bool);
type Closest = (EffortRank, &'static str, Vec<String>);

/// Every route judged: the qualifying one preferred (the fewest years
/// asked, a completed degree before a final term, the highest degree, then
/// the catalog order), else the one needing the least effort (ties to the
/// lowest remaining degree, then the catalog order).
fn best_routes(credential: &Credential, facts: &Facts) -> (Option<Qualifying>, Option<Closest>) {
    let mut qualifying: Option<Qualifying> = None;
    let mut closest: Option<Closest> = None;
    for (index, route) in credential.routes.iter().enumerate() {
        let outcome = evaluate(&route.requires, facts, credential.code, 0);
        if outcome.met() {
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
        let rank = (outcome.effort, outcome.step);
        if closest.as_ref().is_none_or(|(best, _, _)| rank < *best) {
            closest = Some((rank, route.label, outcome.missing));
        }
    }
    (qualifying, closest)
}

/// How a route not yet met ranks: effort, then the remaining degree step
/// (lower is preferred).
type EffortRank = (i64, Option<u8>);

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

/// The least effort to qualify for `credential` (0 when eligible or held),
/// or None for advice-only credentials.
fn effort_to_qualify(credential: &Credential, facts: &Facts, depth: u8) -> Option<i64> {
    if facts.held.iter().any(|c| c == credential.code) {
        return Some(0);
    }
    credential
        .routes
        .iter()
        .map(|route| evaluate(&route.requires, facts, credential.code, depth).effort)
        .min()
}

fn evaluate(req: &Req, facts: &Facts, code: &str, depth: u8) -> Outcome {
    match *req {
        Req::Always => Outcome::default(),
        Req::All { of } => {
            let mut outcome = Outcome::default();
            for part in of {
                let inner = evaluate(part, facts, code, depth);
                outcome.missing.extend(inner.missing);
                outcome.effort += inner.effort;
                outcome.step = outcome.step.max(inner.step);
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
            // Passing one means first qualifying for it, then the exam.
            let effort = codes
                .iter()
                .filter_map(|c| super::catalog::find(c))
                .filter_map(|c| {
                    if depth >= MAX_DEPTH {
                        Some(DEGREE_STEP)
                    } else {
                        effort_to_qualify(c, facts, depth + 1)
                    }
                })
                .min()
                .unwrap_or(DEGREE_STEP);
            Outcome::need(text, effort + EXAM, None)
        }
        Req::Years { total, healthcare } => {
            let mut outcome = Outcome::default();
            let wanted = [
                (total, facts.years.total, "experience"),
                (healthcare, facts.years.healthcare, "healthcare experience"),
            ];
            for (needed, have, what) in wanted {
                if let Some(short) = shortfall_text(needed, have) {
                    outcome
                        .missing
                        .push(format!("needs {short} more years of {what}"));
                    // Healthcare years count in the total too: the larger
                    // shortfall is the time still needed.
                    outcome.effort = outcome.effort.max(i64::from(needed) * 100 - have);
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

/// What is left of a program under way, in effort.
fn remaining(status: EduStatus) -> i64 {
    match status {
        EduStatus::Completed => 0,
        EduStatus::FinalTerm => DEGREE_STEP / 4,
        EduStatus::Enrolled => DEGREE_STEP / 2,
        EduStatus::Planned => DEGREE_STEP,
    }
}

/// How high a degree is on the ladder a degree step climbs (a certificate
/// is beside it: it needs a bachelor's, asked for separately).
fn ladder(level: Level) -> i64 {
    match level {
        Level::Certificate => 0,
        Level::Associate => 1,
        Level::Bachelor => 2,
        Level::Master => 3,
        Level::Doctorate => 4,
    }
}

/// The effort of a new degree at `target` (none of the user's rows serves):
/// one step per rung above the best start the rows give, and one step for
/// a second degree at a rung already reached.
fn new_degree_effort(education: &[Education], target: Level) -> i64 {
    if target == Level::Certificate {
        return DEGREE_STEP;
    }
    let goal = ladder(target);
    let from_rows = education
        .iter()
        .filter(|e| e.level != Level::Certificate)
        .map(|e| {
            let rung = ladder(e.level);
            if rung >= goal {
                DEGREE_STEP
            } else {
                remaining(e.status) + (goal - rung) * DEGREE_STEP
            }
        });
    from_rows
        .chain([goal * DEGREE_STEP])
        .min()
        .unwrap_or(DEGREE_STEP)
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
            final_term: row.status == EduStatus::FinalTerm,
            ..Outcome::default()
        };
    }
    let Some(&lowest) = levels.first() else {
        return Outcome::default();
    };
    let step = Some(lowest as u8);
    // A new program, when none of the rows can serve.
    let fresh = new_degree_effort(&facts.education, lowest);
    // A program under way that will serve once finished (or in its final term).
    let finishing = accredited.iter().min_by_key(|e| remaining(e.status));
    if let Some(row) = finishing {
        let mut effort = remaining(row.status);
        if final_term {
            effort -= remaining(EduStatus::FinalTerm);
        }
        if effort <= fresh {
            return Outcome::need(under_way_text(code, row, final_term), effort, step);
        }
    }
    // A completed program that is not CAHIIM-accredited can never become so:
    // it counts as absent. One under way might still be swapped for an
    // accredited one, so say that.
    let text = match candidates.first() {
        Some(row)
            if matches!(row.level, Level::Master | Level::Doctorate)
                && row.status == EduStatus::Completed =>
        {
            informatics_master_text(code)
        }
        Some(row) if row.status != EduStatus::Completed && accredited.is_empty() => format!(
            "your {} program must be CAHIIM-accredited",
            row.level.possessive()
        ),
        _ => needs_degree(levels, cahiim, final_term),
    };
    Outcome::need(text, fresh, step)
}

/// What a program under way still needs.
fn under_way_text(code: &str, row: &Education, final_term: bool) -> String {
    let now = match row.status {
        EduStatus::FinalTerm => "it is in its final term",
        EduStatus::Enrolled => "it is in progress",
        EduStatus::Planned => "it is planned",
        EduStatus::Completed => "it is completed",
    };
    if final_term {
        format!(
            "your {} program counts from its final term ({now})",
            row.level.possessive()
        )
    } else {
        format!(
            "the {code} needs the {} completed ({now})",
            row.level.possessive()
        )
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
        // A completed program cannot become accredited: it needs another one.
        assert_eq!(
            check.missing,
            ["needs an associate's degree from a CAHIIM-accredited HIM program (completed or in its final term)"]
        );
        assert!(check.advice.iter().any(|a| a.contains("reciprocity")));
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
    }

    #[test]
    fn rhia_for_other_programs() {
        let informatics = facts(
            vec![edu(Level::Master, false, EduStatus::Completed)],
            &[],
            &[],
        );
        let check = verdict("RHIA", &informatics);
        assert_eq!(check.eligible, Some(false));
        assert_eq!(
            check.missing,
            [
                "a health-informatics or other master's does not qualify; the RHIA needs a CAHIIM-accredited HIM program",
                "needs a CAHIIM-accredited post-bachelor's HIM certificate (completed or in its final term)"
            ]
        );
    }

    #[test]
    fn rhia_after_a_bachelors_in_another_field() {
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
            ["needs a CAHIIM-accredited post-bachelor's HIM certificate (completed or in its final term)"]
        );
        // A program under way might still be swapped for an accredited one.
        let enrolled = facts(
            vec![edu(Level::Bachelor, false, EduStatus::Enrolled)],
            &[],
            &[],
        );
        let check = verdict("RHIA", &enrolled);
        assert_eq!(check.closest_route, Some("bachelor + CAHIIM"));
        assert_eq!(
            check.missing,
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
    fn ccs_and_ccs_p_need_only_the_diploma_and_print_the_recommendations() {
        for code in ["CCS", "CCS-P"] {
            let check = verdict(code, &Facts::default());
            assert_eq!(check.eligible, Some(true), "{code}");
            assert_eq!(check.route.as_deref(), Some("high school (always met)"));
            assert_eq!(check.confidence, Confidence::High);
            assert!(check.advice[0].starts_with("recommended"), "{code}");
            assert!(check.advice[0].contains("coding coursework + 1 year"));
        }
        assert!(verdict("CCS", &Facts::default()).advice[0].contains("CCS-P"));
    }

    #[test]
    fn advice_only_credentials_give_no_verdict() {
        for code in ["CAHIMS", "CTR", "CDIP", "CHDA"] {
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
            assert_eq!(credential.checked, "2026-12");
            assert!(credential.renewal.ceu_required > 0);
            // A verdict or advice exists for a user with nothing entered.
            let check = check(credential, &Facts::default());
            assert!(check.eligible.is_some() || !check.advice.is_empty());
        }
    }

    /// 4.73 years of healthcare work up to today (1,728 days).
    fn healthcare_473() -> [Experience; 1] {
        [job("2022-03-05", None, true)]
    }

    #[test]
    fn a_completed_biology_bachelors_is_pointed_to_a_post_bachelors_certificate() {
        let biology = facts(
            vec![edu(Level::Bachelor, false, EduStatus::Completed)],
            &[],
            &[],
        );
        let check = verdict("RHIA", &biology);
        assert_eq!(check.eligible, Some(false));
        assert_eq!(
            check.closest_route,
            Some("bachelor + CAHIIM post-bachelor's certificate")
        );
        assert_eq!(
            check.missing,
            ["needs a CAHIIM-accredited post-bachelor's HIM certificate (completed or in its final term)"]
        );
        assert!(
            !check
                .missing
                .iter()
                .any(|m| m.contains("must be CAHIIM-accredited")),
            "a completed program cannot become accredited"
        );
    }

    #[test]
    fn an_associates_with_4_73_healthcare_years_is_a_bachelors_and_0_3_years_from_the_cphims() {
        let associate = facts(
            vec![edu(Level::Associate, false, EduStatus::Completed)],
            &healthcare_473(),
            &[],
        );
        assert_eq!(associate.years.healthcare, 473);
        let check = verdict("CPHIMS", &associate);
        assert_eq!(check.eligible, Some(false));
        assert_eq!(
            check.closest_route,
            Some("bachelor + 5 years experience (3 in healthcare)")
        );
        assert_eq!(
            check.missing,
            [
                "needs a completed bachelor's degree or higher",
                "needs 0.3 more years of experience"
            ]
        );
    }

    #[test]
    fn a_cahiim_masters_in_its_final_term_finishes_then_needs_1_year_for_the_chps() {
        let student = facts(
            vec![edu(Level::Master, true, EduStatus::FinalTerm)],
            &[],
            &[],
        );
        let check = verdict("CHPS", &student);
        assert_eq!(check.eligible, Some(false));
        assert_eq!(
            check.closest_route,
            Some("graduate degree + 1 year in healthcare")
        );
        assert_eq!(
            check.missing,
            [
                "the CHPS needs the master's completed (it is in its final term)",
                "needs 1.0 more years of healthcare experience"
            ]
        );
        // The same student may already sit the RHIA (early testing).
        assert_eq!(verdict("RHIA", &student).eligible, Some(true));
    }

    #[test]
    fn a_years_shortfall_weighs_by_its_size() {
        // 0.5 years short on the bachelor's route beats a whole degree.
        let bachelor = facts(
            vec![edu(Level::Bachelor, false, EduStatus::Completed)],
            &[job("2025-05-27", None, true)],
            &[],
        );
        assert_eq!(
            verdict("CHPS", &bachelor).closest_route,
            Some("bachelor + 2 years in healthcare")
        );
        // 3 healthcare years short (300) ties a master's + 2 years (100 +
        // 200): the tie goes to the route whose remaining step is the lowest
        // degree (none is left on the bachelor's route).
        let no_healthcare = facts(
            vec![edu(Level::Bachelor, false, EduStatus::Completed)],
            &[job("2015-01-01", Some("2020-12-31"), false)],
            &[],
        );
        assert_eq!(
            verdict("CPHIMS", &no_healthcare).closest_route,
            Some("bachelor + 5 years experience (3 in healthcare)")
        );
        // An associate's holder with no experience: a bachelor's + 2 years
        // (300) ties a master's + 1 year (300); the lower degree wins.
        let associate = facts(
            vec![edu(Level::Associate, true, EduStatus::Completed)],
            &[],
            &[],
        );
        assert_eq!(
            verdict("CHPS", &associate).closest_route,
            Some("bachelor + 2 years in healthcare")
        );
    }

    #[test]
    fn a_held_credential_is_reported_as_held_never_as_not_eligible() {
        let holder = facts(vec![], &[], &["RHIT"]);
        let check = verdict("RHIT", &holder);
        assert!(check.held);
        assert_eq!(check.eligible, Some(true));
        assert_eq!(check.route.as_deref(), Some("held"));
        assert!(check.missing.is_empty() && check.closest_route.is_none());
        // Advice-only credentials too: holding one settles it.
        let check = verdict("CTR", &facts(vec![], &[], &["CTR"]));
        assert_eq!((check.held, check.eligible), (true, Some(true)));
        let check = verdict("RHIA", &holder);
        assert!(!check.held);
        assert_eq!(check.eligible, Some(false));
    }
}
