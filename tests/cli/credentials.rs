//! `jobtrack cert …`: the catalog, eligibility, exams, scores and CEU cycles.

use serde_json::Value;

use crate::util::TestEnv;

fn check(env: &TestEnv, code: &str) -> Value {
    let all = env.json(&["cert", "check", code]);
    let array = all.as_array().expect("cert check prints an array");
    assert_eq!(array.len(), 1);
    array[0].clone()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn cert<'a>(list: &'a Value, code: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code)
        .unwrap_or_else(|| panic!("{code} not in {list}"))
}

#[test]
fn rhit_needs_a_cahiim_associate() {
    let env = TestEnv::new();
    env.ok(&[
        "edu",
        "add",
        "associate",
        "Health Information Technology",
        "--completed",
        "2025-05-15",
    ]);
    let plain = check(&env, "RHIT");
    assert_eq!(plain["eligible"], false);
    assert_eq!(plain["held"], false);
    assert_eq!(plain["route"], Value::Null);
    // A completed program cannot become accredited: it needs another one.
    assert_eq!(
        strings(&plain["missing"]),
        ["needs an associate's degree from a CAHIIM-accredited HIM program (completed or in its final term)"]
    );
    assert_eq!(plain["confidence"], "high");
    let human = env.ok(&["cert", "check", "rhit"]);
    assert!(human.contains("not eligible"), "{human}");
    assert!(
        human.contains("any associate's degree is not enough"),
        "{human}"
    );
    assert!(human.contains("reciprocity agreement"), "{human}");

    env.ok(&["edu", "edit", "1", "--cahiim"]);
    let accredited = check(&env, "RHIT");
    assert_eq!(accredited["eligible"], true);
    assert_eq!(accredited["route"], "associate + CAHIIM");
    assert_eq!(accredited["missing"], serde_json::json!([]));
}

#[test]
fn a_final_term_bachelor_student_may_test_for_the_rhia_but_not_the_cphims() {
    let env = TestEnv::new();
    env.ok(&[
        "edu",
        "add",
        "bachelor",
        "Health Information Management",
        "--cahiim",
        "--status",
        "final_term",
    ]);
    env.ok(&[
        "work",
        "add",
        "Mercy Health",
        "Release of Information Specialist",
        "--from",
        "2018-01-01",
        "--healthcare",
    ]);
    let rhia = check(&env, "RHIA");
    assert_eq!(rhia["eligible"], true);
    assert_eq!(rhia["route"], "bachelor + CAHIIM (final term)");
    let cphims = check(&env, "CPHIMS");
    assert_eq!(cphims["eligible"], false);
    assert_eq!(
        strings(&cphims["missing"]),
        ["the CPHIMS needs the bachelor's completed (it is in its final term)"]
    );
    env.ok(&["edu", "edit", "1", "--completed", "2026-11-20"]);
    assert_eq!(check(&env, "CPHIMS")["eligible"], true);
    assert_eq!(check(&env, "RHIA")["route"], "bachelor + CAHIIM");
}

#[test]
fn a_health_informatics_masters_does_not_lead_to_the_rhia() {
    let env = TestEnv::new();
    env.ok(&[
        "edu",
        "add",
        "master",
        "Health Informatics",
        "--completed",
        "2024-12-20",
    ]);
    let rhia = check(&env, "RHIA");
    assert_eq!(rhia["eligible"], false);
    assert_eq!(
        strings(&rhia["missing"]),
        [
            "a health-informatics or other master's does not qualify; the RHIA needs a CAHIIM-accredited HIM program",
            "needs a CAHIIM-accredited post-bachelor's HIM certificate (completed or in its final term)"
        ]
    );
    assert_eq!(
        rhia["closest_route"],
        "bachelor + CAHIIM post-bachelor's certificate"
    );
}

#[test]
fn cphims_counts_overlapping_years_once() {
    let env = TestEnv::new();
    env.ok(&[
        "edu",
        "add",
        "master",
        "Health Informatics",
        "--completed",
        "2020-12-15",
    ]);
    env.ok(&[
        "work",
        "add",
        "Mercy Health",
        "Analyst",
        "--from",
        "2021-01-01",
        "--to",
        "2022-12-31",
        "--healthcare",
    ]);
    env.ok(&[
        "work",
        "add",
        "St. Luke's",
        "Analyst",
        "--from",
        "2022-01-01",
        "--to",
        "2023-06-30",
        "--healthcare",
    ]);
    // 2.49 years, not 3.5: not eligible, and says how much is missing.
    let short = check(&env, "CPHIMS");
    assert_eq!(short["eligible"], false);
    assert_eq!(
        strings(&short["missing"]),
        ["needs 0.6 more years of experience"]
    );
    env.ok(&[
        "work",
        "add",
        "Best Buy",
        "Sales",
        "--from",
        "2023-07-01",
        "--to",
        "2024-01-31",
    ]);
    let enough = check(&env, "CPHIMS");
    assert_eq!(enough["eligible"], true);
    assert_eq!(
        enough["route"],
        "graduate degree + 3 years experience (2 in healthcare)"
    );
    assert_eq!(enough["confidence"], "medium");
}

#[test]
fn check_without_a_code_judges_the_whole_catalog_and_advice_only_ones_give_null() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let all = env.json(&["cert", "check"]);
    let codes: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "RHIT", "RHIA", "CPHIMS", "CAHIMS", "CCA", "CCS", "CCS-P", "CHPS", "CTR", "CDIP",
            "CHDA"
        ]
    );
    for code in ["CAHIMS", "CTR", "CDIP", "CHDA"] {
        let entry = cert(&all, code);
        assert_eq!(entry["eligible"], Value::Null, "{code}");
        assert!(strings(&entry["advice"]).contains(&"confirm with the issuer".to_string()));
    }
    // The CCS and CCS-P need only the high-school diploma (December 2026).
    for code in ["CCA", "CCS", "CCS-P"] {
        assert_eq!(cert(&all, code)["eligible"], true, "{code}");
        assert_eq!(
            cert(&all, code)["confidence"],
            if code == "CCA" { "medium" } else { "high" }
        );
    }
    assert_eq!(cert(&all, "CHPS")["eligible"], false);
    let human = env.ok(&["cert", "check", "CTR"]);
    assert!(human.contains("confirm with the issuer"), "{human}");
    let err = env.fails(2, &["cert", "check", "XYZ"]);
    assert!(err.contains("not in the catalog"), "{err}");
}

#[test]
fn catalog_needs_no_database_and_shows_sources() {
    let env = TestEnv::new();
    let catalog = env.json(&["cert", "catalog"]);
    assert_eq!(catalog.as_array().unwrap().len(), 11);
    let rhit = cert(&catalog, "RHIT");
    assert_eq!(rhit["exam"]["scale"]["min"], 100);
    assert_eq!(rhit["exam"]["scale"]["pass"], 300);
    assert_eq!(rhit["renewal"]["ceu_required"], 20);
    assert_eq!(rhit["checked"], "2026-12");
    assert_eq!(cert(&catalog, "CPHIMS")["renewal"]["cycle_years"], 3);
    assert_eq!(
        cert(&catalog, "CPHIMS")["renewal"]["cycle_rule"],
        "month_end"
    );
    assert_eq!(
        cert(&catalog, "CTR")["renewal"]["cycle_rule"],
        "calendar_years"
    );
    let human = env.ok(&["cert", "catalog"]);
    assert!(human.contains("Certified Tumor Registrar"), "{human}");
    assert!(human.contains("ahima.org"), "{human}");
    // The corrections of December 2026 and where they come from.
    assert!(
        human.contains("2026-12") && !human.contains("2026-11"),
        "{human}"
    );
    for source in [
        "ahima.org certifications-overview/ccs",
        "ncra-usa.org CTR-Maintenance and Submit-CEs",
        "himsscphims.blogspot.com",
        "medicalcodingpro.com",
    ] {
        assert!(human.contains(source), "{source}: {human}");
    }
    assert!(human.contains("ending 31 December"), "{human}");
    assert!(human.contains("last day of the month"), "{human}");
    assert!(human.contains("coding self-reviews"), "{human}");
    assert!(!env.db.exists(), "cert catalog never opens the database");
}

#[test]
fn scores_follow_the_scale_and_pass_mark() {
    let env = TestEnv::new();
    let err = env.fails(2, &["cert", "score", "RHIT", "512"]);
    assert!(err.contains("100 to 400"), "{err}");
    let err = env.fails(2, &["cert", "score", "RHIT", "-5"]);
    assert!(err.contains("100 to 400"), "{err}");
    let err = env.fails(2, &["cert", "score", "RHIT", "abc"]);
    assert!(err.contains("SCORE"), "{err}");
    assert!(!env.db.exists(), "nothing written");

    let failed = env.json(&["cert", "score", "RHIT", "280", "--on", "2026-08-01"]);
    assert_eq!(failed["status"], "failed");
    assert_eq!(failed["score"], 280);
    assert_eq!(failed["exam_on"], "2026-08-01");
    assert_eq!(failed["passed_on"], Value::Null);

    let passed = env.json(&["cert", "score", "RHIT", "312", "--on", "2026-11-20"]);
    assert_eq!(passed["status"], "passed");
    assert_eq!(passed["passed_on"], "2026-11-20");
    assert_eq!(passed["exam_on"], "2026-11-20");
    assert_eq!(passed["expires_on"], "2028-11-19");
    assert_eq!(passed["ceu_required"], 20);

    let err = env.fails(2, &["cert", "score", "CHPS", "300"]);
    assert!(err.contains("cert set CHPS passed"), "{err}");
    let err = env.fails(2, &["cert", "score", "RHIT", "350", "--on", "tomorrow"]);
    assert!(err.contains("after today"), "{err}");
}

#[test]
fn low_confidence_scales_say_confirm_with_the_issuer() {
    let env = TestEnv::new();
    let human = env.ok(&["cert", "score", "CPHIMS", "640"]);
    assert!(human.contains("passed"), "{human}");
    assert!(human.contains("confirm with the issuer"), "{human}");
    let human = env.ok(&["cert", "score", "RHIT", "250"]);
    assert!(human.contains("failed"), "{human}");
    assert!(!human.contains("confirm with the issuer"), "{human}");
}

#[test]
fn timing_rules_warn_but_never_refuse() {
    let env = TestEnv::new();
    env.ok(&["cert", "score", "RHIT", "250", "--on", "2026-10-01"]);
    let output = env
        .cmd()
        .args(["cert", "exam", "RHIT", "--on", "2026-11-15"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("warning:"), "{stderr}");
    assert!(stderr.contains("90 days"), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("RHIT: exam"));
    let row = cert(&env.json(&["cert", "list"]), "RHIT").clone();
    assert_eq!(row["status"], "scheduled");
    assert_eq!(row["exam_on"], "2026-11-15");

    env.ok(&["cert", "set", "RHIA", "applied", "--on", "2026-05-01"]);
    let output = env
        .cmd()
        .args(["cert", "exam", "RHIA", "--on", "2026-12-01"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("120 days"), "{stderr}");
}

#[test]
fn ceus_count_against_the_cycle_requirement() {
    let env = TestEnv::new();
    env.ok(&["cert", "score", "RHIT", "312", "--on", "2026-06-01"]);
    env.ok(&[
        "cert",
        "ceu",
        "RHIT",
        "5",
        "--on",
        "2026-07-01",
        "--title",
        "Webinar",
    ]);
    let logged = env.json(&["cert", "ceu", "RHIT", "2.5", "--provider", "AHIMA"]);
    assert_eq!(logged["ceu_earned"], 7.5);
    assert_eq!(logged["ceu_required"], 20);
    assert_eq!(logged["cycle_start"], "2026-06-01");
    assert_eq!(logged["cycle_end"], "2028-05-31");
    let human = env.ok(&["cert", "list"]);
    assert!(human.contains("7.5 / 20"), "{human}");
    assert!(human.contains("2026-06-01 – 2028-05-31"), "{human}");
    assert_eq!(
        env.count("SELECT count(*) FROM ceus WHERE provider = 'AHIMA'"),
        1
    );

    let err = env.fails(2, &["cert", "ceu", "RHIT", "0"]);
    assert!(err.contains("more than 0"), "{err}");
    let err = env.fails(2, &["cert", "ceu", "CPHIMS", "1"]);
    assert!(err.contains("not tracked"), "{err}");
}

#[test]
fn rhia_needs_thirty_and_cphims_forty_five_over_three_years() {
    let env = TestEnv::new();
    env.ok(&["cert", "set", "RHIA", "passed", "--on", "2025-03-01"]);
    env.ok(&["cert", "ceu", "RHIA", "10", "--on", "2026-01-15"]);
    env.ok(&["cert", "score", "CPHIMS", "650", "--on", "2025-09-10"]);
    env.ok(&["cert", "ceu", "CPHIMS", "12.25", "--on", "2026-02-01"]);
    let list = env.json(&["cert", "list"]);
    let rhia = cert(&list, "RHIA");
    assert_eq!(rhia["ceu_required"], 30);
    assert_eq!(rhia["ceu_earned"], 10.0);
    assert_eq!(rhia["cycle_end"], "2027-02-28");
    let cphims = cert(&list, "CPHIMS");
    assert_eq!(cphims["ceu_required"], 45);
    assert_eq!(cphims["ceu_earned"], 12.25);
    assert_eq!(cphims["cycle_start"], "2025-09-10");
    assert_eq!(
        cphims["cycle_end"], "2028-09-30",
        "HIMSS: the month's last day"
    );
    assert_eq!(cphims["shared_with"], serde_json::json!([]));
}

#[test]
fn ahima_credentials_share_one_cycle_and_pool_and_rhia_replaces_rhit() {
    let env = TestEnv::new();
    env.ok(&["cert", "set", "RHIT", "passed", "--on", "2025-06-01"]);
    env.ok(&["cert", "set", "CHPS", "passed", "--on", "2026-02-01"]);
    env.ok(&["cert", "ceu", "RHIT", "6", "--on", "2026-03-01"]);
    env.ok(&["cert", "ceu", "CHPS", "4", "--on", "2026-04-01"]);
    let list = env.json(&["cert", "list"]);
    for code in ["RHIT", "CHPS"] {
        let row = cert(&list, code);
        assert_eq!(row["cycle_start"], "2025-06-01", "{code}: the first passed");
        assert_eq!(row["cycle_end"], "2027-05-31");
        assert_eq!(
            row["ceu_required"], 20,
            "CHPS was passed mid-cycle: the running cycle keeps the RHIT's 20"
        );
        assert_eq!(row["ceu_earned"], 10.0, "one pool");
        assert_eq!(row["expires_on"], "2027-05-31");
    }
    assert_eq!(cert(&list, "CHPS")["joins_pool_on"], "2027-06-01");
    assert_eq!(cert(&list, "RHIT")["joins_pool_on"], Value::Null);
    let human = env.ok(&["cert", "list"]);
    assert!(
        human.contains(
            "CHPS: passed during the shared cycle, so it joins the CEU pool on 2027-06-01"
        ) && human.contains("AHIMA's CEU Center"),
        "{human}"
    );
    let next = env.on("2027-07-01").json(&["cert", "list"]);
    assert_eq!(
        cert(&next, "CHPS")["ceu_required"],
        40,
        "30 + 10 for the second"
    );
    assert_eq!(cert(&next, "CHPS")["joins_pool_on"], Value::Null);

    env.ok(&["cert", "set", "RHIA", "passed", "--on", "2026-09-01"]);
    let list = env.json(&["cert", "list"]);
    assert_eq!(cert(&list, "RHIT")["replaced_by"], Value::Null, "not yet");
    assert_eq!(cert(&list, "RHIA")["ceu_required"], 20);
    let next = env.on("2027-07-01").json(&["cert", "list"]);
    assert_eq!(cert(&next, "RHIT")["replaced_by"], "RHIA");
    assert_eq!(
        cert(&next, "RHIA")["ceu_required"],
        40,
        "RHIA 30 + CHPS; RHIT no longer counts"
    );
}

#[test]
fn ceus_before_passing_count_toward_no_cycle_and_the_output_says_so() {
    let env = TestEnv::new();
    env.ok(&["cert", "add", "RHIT"]);
    let output = env
        .cmd()
        .args(["cert", "ceu", "RHIT", "3", "--on", "2026-05-01"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("count toward no cycle"), "{stdout}");
    env.ok(&["cert", "score", "RHIT", "330", "--on", "2026-06-01"]);
    let row = cert(&env.json(&["cert", "list"]), "RHIT").clone();
    assert_eq!(row["ceu_earned"], 0.0);
    assert_eq!(row["ceu_uncounted"], 3.0);
    let human = env.ok(&["cert", "ceu", "RHIT", "1", "--on", "2026-05-02"]);
    assert!(
        human.contains("before RHIT was passed (2026-06-01)"),
        "{human}"
    );
    assert!(human.contains("count toward no cycle"), "{human}");
}

#[test]
fn a_cycle_that_ended_short_shows_lapsed_and_the_revocation_date() {
    let env = TestEnv::new();
    env.ok(&["cert", "set", "RHIT", "passed", "--on", "2022-01-10"]);
    env.ok(&["cert", "ceu", "RHIT", "20", "--on", "2023-01-10"]);
    let row = cert(&env.json(&["cert", "list"]), "RHIT").clone();
    assert_eq!(row["cycle_start"], "2026-01-10");
    assert_eq!(row["lapsed"], true, "2024-01-10 – 2026-01-09 had no CEUs");
    assert_eq!(row["revocation_on"], "2026-07-08");
    assert_eq!(
        row["status"], "passed",
        "jobtrack never changes a status itself"
    );
}

#[test]
fn own_credentials_need_a_name_and_have_no_cycle() {
    let env = TestEnv::new();
    let err = env.fails(2, &["cert", "add", "CPC"]);
    assert!(err.contains("--name"), "{err}");
    let added = env.json(&[
        "cert",
        "add",
        "cpc",
        "--name",
        "Certified Professional Coder",
        "--issuer",
        "AAPC",
    ]);
    assert_eq!(added["code"], "CPC");
    assert_eq!(added["status"], "planning");
    assert_eq!(added["eligible"], Value::Null);
    let err = env.fails(2, &["cert", "add", "CPC", "--name", "Again"]);
    assert!(err.contains("already tracked"), "{err}");
    let passed = env.json(&["cert", "set", "CPC", "passed", "--on", "2026-10-01"]);
    assert_eq!(passed["passed_on"], "2026-10-01");
    assert_eq!(passed["cycle_end"], Value::Null);
    let err = env.fails(2, &["cert", "exam", "NOPE", "--on", "2026-12-01"]);
    assert!(err.contains("cert add NOPE"), "{err}");
}

#[test]
fn set_moves_status_and_dates() {
    let env = TestEnv::new();
    let applied = env.json(&["cert", "set", "RHIT", "applied", "--on", "2026-10-01"]);
    assert_eq!(applied["status"], "applied");
    assert_eq!(applied["applied_on"], "2026-10-01");
    let scheduled = env.json(&["cert", "exam", "RHIT", "--on", "2026-12-10"]);
    assert_eq!(scheduled["status"], "scheduled");
    assert_eq!(scheduled["exam_on"], "2026-12-10");
    let err = env.fails(2, &["cert", "set", "RHIT", "passed", "--on", "tomorrow"]);
    assert!(err.contains("after today"), "{err}");
    let err = env.fails(2, &["cert", "set", "RHIT", "hired"]);
    assert!(err.contains("planning"), "lists the statuses: {err}");
    let passed = env.json(&["cert", "set", "RHIT", "passed"]);
    assert_eq!(passed["passed_on"], "2026-11-26");
    assert_eq!(
        passed["exam_on"], "2026-11-26",
        "a planned exam date moves to the pass"
    );
    let planning = env.json(&["cert", "set", "RHIT", "planning"]);
    assert_eq!(planning["passed_on"], Value::Null);
    assert_eq!(planning["expires_on"], Value::Null);
}

#[test]
fn app_list_eligible_keeps_postings_for_credentials_within_reach() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "HIT", "--requires", "RHIT"]);
    env.ok(&[
        "app",
        "add",
        "St. Luke's",
        "HIM Director",
        "--requires",
        "RHIA",
    ]);
    env.ok(&["app", "add", "Clinic", "Clerk"]);
    let ids = |args: &[&str]| -> Vec<i64> {
        env.json(args)
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&["app", "list", "--qualified"]), [3]);
    assert_eq!(ids(&["app", "list", "--qualified", "--eligible"]), [3]);
    env.ok(&[
        "edu",
        "add",
        "associate",
        "HIT",
        "--cahiim",
        "--status",
        "final_term",
    ]);
    assert_eq!(ids(&["app", "list", "--qualified", "--eligible"]), [3, 1]);
    assert_eq!(ids(&["app", "list", "--qualified"]), [3]);
    let err = env.fails(2, &["app", "list", "--eligible"]);
    assert!(err.contains("--qualified"), "{err}");
}

/// Runs a command that must succeed; returns its standard error.
fn stderr_of(env: &TestEnv, args: &[&str]) -> String {
    let output = env.cmd().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "jobtrack {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn a_retake_inside_the_wait_warns_at_exam_score_and_set() {
    let env = TestEnv::new();
    env.ok(&["cert", "score", "RHIT", "250", "--on", "2026-11-01"]);
    // Rescheduling replaces the failed exam date: the warning comes now,
    // against the failed attempt being replaced.
    let stderr = stderr_of(&env, &["cert", "exam", "RHIT", "--on", "2026-12-10"]);
    assert!(stderr.contains("warning:"), "{stderr}");
    assert!(
        stderr.contains("failed attempt on 2026-11-01") && stderr.contains("earliest: 2027-01-30"),
        "{stderr}"
    );
    let passed = env.json(&["cert", "score", "RHIT", "330", "--on", "2026-11-05"]);
    assert_eq!(passed["status"], "passed", "a warning never refuses");

    // A score straight after a failed one.
    let env = TestEnv::new();
    env.ok(&["cert", "score", "RHIT", "250", "--on", "2026-11-01"]);
    let stderr = stderr_of(
        &env,
        &["cert", "score", "RHIT", "330", "--on", "2026-11-05"],
    );
    assert!(stderr.contains("wait 90 days"), "{stderr}");

    // `cert set` moves the exam date too: scheduled, passed or failed again.
    let env = TestEnv::new();
    env.ok(&["cert", "set", "CCA", "failed", "--on", "2026-11-01"]);
    let stderr = stderr_of(
        &env,
        &["cert", "set", "CCA", "scheduled", "--on", "2026-11-20"],
    );
    assert!(stderr.contains("warning:"), "{stderr}");
    assert!(stderr.contains("wait 30 days"), "CCA waits 30: {stderr}");
    let row = cert(&env.json(&["cert", "list"]), "CCA").clone();
    assert_eq!(row["status"], "scheduled");
    assert_eq!(row["exam_on"], "2026-11-20");

    let env = TestEnv::new();
    env.ok(&["cert", "set", "RHIA", "failed", "--on", "2026-10-01"]);
    let stderr = stderr_of(
        &env,
        &["cert", "set", "RHIA", "passed", "--on", "2026-11-20"],
    );
    assert!(
        stderr.contains("wait 90 days after the failed attempt on 2026-10-01"),
        "{stderr}"
    );
    let env = TestEnv::new();
    env.ok(&["cert", "set", "RHIA", "failed", "--on", "2026-10-01"]);
    let stderr = stderr_of(
        &env,
        &["cert", "set", "RHIA", "failed", "--on", "2026-11-20"],
    );
    assert!(stderr.contains("wait 90 days"), "{stderr}");
    // After the wait: silence.
    let stderr = stderr_of(&env, &["cert", "exam", "RHIA", "--on", "2027-03-01"]);
    assert!(!stderr.contains("warning:"), "{stderr}");
}

#[test]
fn a_completed_masters_without_cahiim_is_named_beside_a_plain_bachelors() {
    let env = TestEnv::new();
    env.ok(&[
        "edu",
        "add",
        "master",
        "Health Informatics",
        "--completed",
        "2024-12-20",
    ]);
    env.ok(&[
        "edu",
        "add",
        "bachelor",
        "Biology",
        "--completed",
        "2019-05-20",
    ]);
    let rhia = check(&env, "RHIA");
    assert_eq!(rhia["eligible"], false);
    let missing = strings(&rhia["missing"]);
    assert!(
        missing.contains(&"a health-informatics or other master's does not qualify; the RHIA needs a CAHIIM-accredited HIM program".to_string()),
        "{missing:?}"
    );
    let human = env.ok(&["cert", "check", "RHIA"]);
    assert!(
        human.contains("a health-informatics or other master's does not qualify"),
        "{human}"
    );
    // An unfinished master's is not named; a completed Biology bachelor's
    // cannot become accredited, so the plan is a post-bachelor's certificate.
    let env = TestEnv::new();
    env.ok(&["edu", "add", "master", "Health Informatics"]);
    env.ok(&[
        "edu",
        "add",
        "bachelor",
        "Biology",
        "--completed",
        "2019-05-20",
    ]);
    assert_eq!(
        strings(&check(&env, "RHIA")["missing"]),
        ["needs a CAHIIM-accredited post-bachelor's HIM certificate (completed or in its final term)"]
    );
}

#[test]
fn several_qualifying_routes_report_the_one_asking_fewest_years() {
    let env = TestEnv::new();
    env.ok(&[
        "edu",
        "add",
        "master",
        "Health Informatics",
        "--completed",
        "2015-05-20",
    ]);
    env.ok(&[
        "work",
        "add",
        "Mercy Health",
        "Privacy Analyst",
        "--from",
        "2020-01-01",
        "--healthcare",
    ]);
    let chps = check(&env, "CHPS");
    assert_eq!(chps["eligible"], true);
    assert_eq!(chps["route"], "graduate degree + 1 year in healthcare");
    let cphims = check(&env, "CPHIMS");
    assert_eq!(cphims["eligible"], true);
    assert_eq!(
        cphims["route"],
        "graduate degree + 3 years experience (2 in healthcare)"
    );
    let human = env.ok(&["cert", "check", "CHPS"]);
    assert!(
        human.contains("eligible by graduate degree + 1 year"),
        "{human}"
    );

    // With only a bachelor's, the bachelor's routes answer.
    let env = TestEnv::new();
    env.ok(&[
        "edu",
        "add",
        "bachelor",
        "Biology",
        "--completed",
        "2015-05-20",
    ]);
    env.ok(&[
        "work",
        "add",
        "Mercy Health",
        "Privacy Analyst",
        "--from",
        "2018-01-01",
        "--healthcare",
    ]);
    assert_eq!(
        check(&env, "CHPS")["route"],
        "bachelor + 2 years in healthcare"
    );
    assert_eq!(
        check(&env, "CPHIMS")["route"],
        "bachelor + 5 years experience (3 in healthcare)"
    );
}

#[test]
fn a_passed_credential_is_held_and_passing_again_changes_nothing() {
    let env = TestEnv::new();
    env.ok(&["cert", "set", "RHIT", "passed", "--on", "2026-06-01"]);
    env.ok(&["cert", "add", "RHIA"]);
    let list = env.ok(&["cert", "list"]);
    let rhit = list.lines().find(|l| l.contains("RHIT")).unwrap();
    assert!(rhit.contains("held") && !rhit.contains("not yet"), "{list}");
    let rhia = list.lines().find(|l| l.contains("RHIA")).unwrap();
    assert!(rhia.contains("not yet"), "{list}");

    let again = env.ok(&["cert", "set", "RHIT", "passed"]);
    assert!(
        again.contains("RHIT is already passed on 2026-06-01; nothing changed"),
        "{again}"
    );
    assert!(!again.contains("→"), "{again}");
    let row = env.json(&["cert", "set", "RHIT", "passed", "--on", "2026-06-01"]);
    assert_eq!(row["passed_on"], "2026-06-01");
    assert_eq!(row["cycle_start"], "2026-06-01");
    assert_eq!(
        env.count("SELECT count(*) FROM certifications WHERE passed_on = '2026-06-01'"),
        1
    );
    // A new date is a correction, not a no-op.
    let moved = env.ok(&["cert", "set", "RHIT", "passed", "--on", "2026-05-01"]);
    assert!(moved.contains("passed → passed on 2026-05-01"), "{moved}");
}

#[test]
fn only_ahima_credentials_get_a_revocation_date() {
    let env = TestEnv::new();
    env.ok(&["cert", "set", "CPHIMS", "passed", "--on", "2022-01-10"]);
    env.ok(&["cert", "set", "RHIT", "passed", "--on", "2022-01-10"]);
    let list = env.json(&["cert", "list"]);
    let cphims = cert(&list, "CPHIMS");
    assert_eq!(cphims["lapsed"], true, "2022-01-10 – 2025-01-09 had no CE");
    assert_eq!(cphims["revocation_on"], Value::Null);
    assert_eq!(cert(&list, "RHIT")["revocation_on"], "2026-07-08");
    let report = env.json(&["report", "certs"]);
    let cphims = cert(&report["certs"], "CPHIMS");
    assert_eq!(cphims["lapsed"], true);
    assert_eq!(cphims["revocation_on"], Value::Null);
    let human = env.ok(&["cert", "list"]);
    let line = human
        .lines()
        .find(|l| l.starts_with("CPHIMS:"))
        .expect("a lapsed line");
    assert!(!line.contains("revoked"), "{human}");
}

#[test]
fn a_credential_passed_after_a_short_cycle_did_not_lapse() {
    let env = TestEnv::new();
    env.ok(&["cert", "score", "RHIT", "320", "--on", "2024-02-29"]);
    env.ok(&["cert", "ceu", "RHIT", "3", "--on", "2024-06-01"]);
    env.ok(&["cert", "score", "RHIA", "350", "--on", "2026-05-01"]);
    let list = env.json(&["cert", "list"]);
    let row = |code: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(
        row("RHIT")["lapsed"],
        true,
        "RHIT's cycle ended 2026-02-27 with 3 of 20"
    );
    assert_eq!(
        row("RHIA")["lapsed"],
        false,
        "RHIA was passed after that cycle ended"
    );
    assert_eq!(row("RHIA")["revocation_on"], serde_json::Value::Null);
}

#[test]
fn the_retake_wait_counts_from_the_failed_exam_even_after_rescheduling() {
    let env = TestEnv::new();
    env.ok(&["cert", "score", "RHIT", "250", "--on", "2026-11-01"]);
    env.ok(&["cert", "exam", "RHIT", "--on", "2026-12-10"]);
    let output = env
        .cmd()
        .args(["cert", "score", "RHIT", "330", "--on", "2026-11-05"])
        .output()
        .unwrap();
    assert!(output.status.success(), "timing rules never refuse");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning:") && stderr.contains("2026-11-01"),
        "{stderr}"
    );
    let failed: String = env
        .sql()
        .query_row(
            "SELECT failed_on FROM certifications WHERE code = 'RHIT'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(failed, "2026-11-01");
}

#[test]
fn expires_on_is_derived_when_read_never_a_stale_stored_date() {
    let env = TestEnv::new();
    // Passed and written in early 2022: the row stores that cycle's end.
    env.on("2022-02-01")
        .ok(&["cert", "set", "RHIT", "passed", "--on", "2022-01-10"]);
    let stored = || -> String {
        env.sql()
            .query_row(
                "SELECT expires_on FROM certifications WHERE code = 'RHIT'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(stored(), "2024-01-09");
    // Years later, with no write in between, every read shows today's cycle.
    let row = cert(&env.json(&["cert", "list"]), "RHIT").clone();
    assert_eq!(row["cycle_end"], "2028-01-09");
    assert_eq!(row["expires_on"], "2028-01-09");
    let report = env.json(&["report", "certs"]);
    assert_eq!(cert(&report["certs"], "RHIT")["expires_on"], "2028-01-09");
    env.ok(&["cert", "list"]);
    env.ok(&["report", "certs"]);
    env.ok(&["cert", "check"]);
    // An export is a read too: it writes the derived date, and stores none.
    let csv = env.ok(&["export", "certifications"]);
    assert!(csv.contains(",2022-01-10,2028-01-09,"), "{csv}");
    assert!(!csv.contains("2024-01-09"), "{csv}");
    let json = env.json(&["export", "certifications"]);
    assert_eq!(json[0]["expires_on"], "2028-01-09");
    assert_eq!(stored(), "2024-01-09", "no read writes");
    // The next write stores the derived date.
    env.ok(&["cert", "ceu", "RHIT", "1", "--on", "2026-11-01"]);
    assert_eq!(stored(), "2028-01-09");
}

#[test]
fn a_held_credential_reads_held_never_not_eligible() {
    let env = TestEnv::new();
    // No CAHIIM associate's on record: by the rules alone, not eligible.
    env.ok(&["cert", "set", "RHIT", "passed", "--on", "2025-06-01"]);
    let rhit = check(&env, "RHIT");
    assert_eq!(rhit["held"], true);
    assert_eq!(rhit["eligible"], true);
    assert_eq!(rhit["route"], "held");
    assert_eq!(rhit["missing"], serde_json::json!([]));
    let human = env.ok(&["cert", "check", "RHIT"]);
    assert!(!human.contains("not eligible"), "{human}");
    assert!(human.contains("RHIT  held"), "{human}");
    assert!(human.contains(" and 1 held credential."), "{human}");
    let all = env.ok(&["cert", "check"]);
    assert!(!all.contains("RHIT  not eligible yet"), "{all}");
    assert!(all.contains("RHIA  not eligible yet"), "{all}");

    let report = env.json(&["report", "certs"]);
    let row = cert(&report["certs"], "RHIT");
    assert_eq!(row["held"], true);
    assert_eq!(row["eligible"], true);
    let human = env.ok(&["report", "certs"]);
    assert!(!human.contains("not yet eligible"), "{human}");

    env.ok(&["cert", "set", "CCA", "passed", "--on", "2025-07-01"]);
    let human = env.ok(&["cert", "check", "CCA"]);
    assert!(human.contains(" and 2 held credentials."), "{human}");
}

#[test]
fn advice_only_credentials_read_advice_only_in_the_eligible_cell() {
    let env = TestEnv::new();
    env.ok(&["cert", "add", "CTR"]);
    env.ok(&["cert", "add", "RHIA"]);
    env.ok(&[
        "cert",
        "add",
        "CPC",
        "--name",
        "Certified Professional Coder",
    ]);
    let list = env.ok(&["cert", "list"]);
    let line = |code: &str| {
        list.lines()
            .find(|l| l.split_whitespace().next() == Some(code))
            .unwrap_or_else(|| panic!("{code}: {list}"))
            .to_string()
    };
    assert!(line("CTR").contains("advice only"), "{list}");
    assert!(line("RHIA").contains("not yet"), "{list}");
    assert!(
        !line("CPC").contains("advice only"),
        "own credentials: {list}"
    );
    let report = env.json(&["report", "certs"]);
    let ctr = cert(&report["certs"], "CTR");
    assert_eq!(ctr["advice_only"], true);
    assert_eq!(ctr["eligible"], Value::Null);
    assert_eq!(ctr["held"], false);
    assert_eq!(cert(&report["certs"], "RHIA")["advice_only"], false);
    let human = env.ok(&["report", "certs"]);
    assert!(
        human.contains("CTR      planning, eligibility: advice only"),
        "{human}"
    );
    let page = env.path("report.html");
    env.ok(&["report", "--html", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(page).unwrap();
    // On a phone each cell is named by its column (DESIGN §10.4).
    assert!(
        html.contains("<td data-label=\"Eligible\">advice only</td>"),
        "{html}"
    );
}

#[test]
fn a_revocation_date_already_past_reads_in_the_past_tense() {
    let env = TestEnv::new();
    env.ok(&["cert", "set", "RHIT", "passed", "--on", "2022-01-10"]);
    // The cycle 2024-01-10 – 2026-01-09 ended with no CEUs: revoked 2026-07-08.
    let before = env.on("2026-03-01");
    for args in [&["cert", "list"][..], &["report", "certs"][..]] {
        let human = before.ok(args);
        assert!(
            human.contains("revoked on 2026-07-08 unless reinstated"),
            "{args:?}: {human}"
        );
        let human = env.ok(args);
        assert!(human.contains("revoked on 2026-07-08"), "{args:?}: {human}");
        assert!(!human.contains("unless reinstated"), "{args:?}: {human}");
    }
}

#[test]
fn report_certs_computes_provider_shares_and_labels_reminders_by_issuer() {
    let env = TestEnv::new();
    env.ok(&["cert", "set", "RHIT", "passed", "--on", "2026-01-10"]);
    env.ok(&[
        "cert",
        "ceu",
        "RHIT",
        "4",
        "--on",
        "2026-02-01",
        "--provider",
        "AHIMA",
    ]);
    env.ok(&[
        "cert",
        "ceu",
        "RHIT",
        "1.5",
        "--on",
        "2026-02-02",
        "--provider",
        "FHIMA",
    ]);
    env.ok(&[
        "cert",
        "ceu",
        "RHIT",
        "3",
        "--on",
        "2026-02-03",
        "--provider",
        "Coursera",
    ]);
    env.ok(&["cert", "ceu", "RHIT", "2", "--on", "2026-02-04"]);
    env.ok(&["cert", "set", "CTR", "passed", "--on", "2025-05-10"]);
    env.ok(&["cert", "set", "CPHIMS", "passed", "--on", "2024-12-05"]);
    env.ok(&[
        "cert",
        "ceu",
        "CPHIMS",
        "6",
        "--on",
        "2025-03-01",
        "--provider",
        "HIMSS",
    ]);
    let report = env.json(&["report", "certs"]);
    let rhit = cert(&report["certs"], "RHIT");
    assert_eq!(rhit["ceu_from_issuer"], 5.5);
    assert_eq!(rhit["ceu_from_issuer_needed"], 8.0);
    assert_eq!(rhit["ceu_without_provider"], 2.0);
    let ctr = cert(&report["certs"], "CTR");
    assert_eq!(
        ctr["cycle_end"], "2026-12-31",
        "NCRA: 31 December of the next year"
    );
    assert_eq!(ctr["ceu_from_issuer"], Value::Null);
    assert_eq!(cert(&report["certs"], "CPHIMS")["cycle_end"], "2027-12-31");
    let human = env.ok(&["report", "certs"]);
    for expected in [
        "AHIMA: 5.5 of 8 hours from AHIMA or a state association (at least 40% of the 20 required); \
         2 hours have no provider recorded and are not counted",
        "HIMSS CPHIMS: 6 of 25 hours from HIMSS",
        "AHIMA: at least 80% of CEUs in HIM domains",
        "HIMSS: at least 2 hours of ethics",
        "NCRA: at least 4 of the 20 CE hours in Category A",
    ] {
        assert!(human.contains(expected), "{expected}\n{human}");
    }
    assert!(
        !human.contains("coding self-reviews"),
        "no coding credential held: {human}"
    );
    // One hour without a provider reads in the singular.
    env.ok(&[
        "cert",
        "ceu",
        "RHIT",
        "1",
        "--on",
        "2026-02-05",
        "--title",
        "Webinar",
    ]);
    env.sql()
        .execute(
            "UPDATE ceus SET hours = 1 WHERE provider IS NULL AND hours = 2",
            [],
        )
        .unwrap();
    env.sql()
        .execute("DELETE FROM ceus WHERE title = 'Webinar'", [])
        .unwrap();
    let human = env.ok(&["report", "certs"]);
    assert!(
        human.contains("; 1 hour has no provider recorded and is not counted"),
        "{human}"
    );
    env.ok(&["cert", "set", "CCS", "passed", "--on", "2026-03-01"]);
    let human = env.ok(&["report", "certs"]);
    assert!(
        human.contains(
            "AHIMA: the CCA, CCS and CCS-P need two mandatory annual coding self-reviews"
        ),
        "{human}"
    );
}

#[test]
fn one_uncounted_hour_reads_in_the_singular() {
    let env = TestEnv::new();
    env.ok(&["cert", "add", "RHIT"]);
    env.ok(&["cert", "ceu", "RHIT", "1", "--on", "2026-05-01"]);
    env.ok(&["cert", "score", "RHIT", "330", "--on", "2026-06-01"]);
    let human = env.ok(&["cert", "list"]);
    assert!(
        human.contains("RHIT: 1 CEU hour counts toward no cycle"),
        "{human}"
    );
    env.ok(&["cert", "ceu", "RHIT", "2", "--on", "2026-05-02"]);
    let human = env.ok(&["cert", "list"]);
    assert!(
        human.contains("RHIT: 3 CEU hours count toward no cycle"),
        "{human}"
    );
}
