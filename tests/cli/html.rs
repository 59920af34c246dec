//! `jobtrack report --html FILE`: one private, self-contained page whose
//! numbers are the JSON reports' numbers, with stored text escaped.

use std::fs;

use serde_json::Value;

use crate::util::{mode, TestEnv};

/// Runs a command that must succeed, ignoring what it prints.
fn run(env: &TestEnv, args: &[&str]) {
    env.ok(args);
}

/// A week of job searching, entered through the commands a user types:
/// applications from three sources (one answered, one interviewing, one
/// rejected after an interview), contacts and conversations, volunteer
/// shifts, two goals, a passed credential with CEUs and one scheduled.
fn seed(env: &TestEnv) {
    for command in SEED {
        run(env, &command.split('|').collect::<Vec<_>>());
    }
}

/// The seed's commands, arguments separated by `|`.
const SEED: &[&str] = &[
    "app|add|Mercy Health|Health Information Technician|--source|indeed|--applied|2026-10-01",
    "app|add|Regional Medical Center|Coding Specialist|--source|linkedin|--applied|2026-10-20",
    "app|add|Summit Clinic|Release of Information Specialist|--source|indeed|--applied|2026-11-24",
    "app|add|Cleveland Clinic|HIM Analyst|--source|referral|--applied|2026-11-02",
    "app|add|Lakeside Hospital|Data Analyst|--status|saved",
    "app|set|1|screening|--on|2026-10-08",
    "app|interview|2|--on|2026-11-30",
    "app|set|4|interview|--on|2026-11-10",
    "app|set|4|rejected|--on|2026-11-20",
    "contact|add|Jane Doe|--org|Mercy Health|--relationship|mentor|--follow-up|2026-11-25",
    "contact|add|Sam Lee|--org|Cleveland Clinic",
    "contact|log|1|--on|2026-11-24|--channel|coffee|--follow-up|2026-12-01",
    "contact|log|2|--on|2026-11-10",
    "contact|log|2|--on|2026-10-10",
    "vol|log|Mercy Health|4|--on|2026-11-23|--role|Records volunteer",
    "vol|log|Mercy Health|2.25|--on|2026-11-01|--role|Front desk",
    "vol|log|Food Bank|3.5|--on|2026-10-03",
    "goal|set|applications|5|--per|week",
    "goal|set|volunteer_hours|16|--per|month",
    "edu|add|associate|Health Information Technology|--cahiim|--completed|2026-05-01",
    "cert|add|RHIT",
    "cert|score|RHIT|320|--on|2026-06-01",
    "cert|ceu|RHIT|6.5|--on|2026-09-01|--title|Coding update",
    "cert|add|CPHIMS",
    "cert|exam|CPHIMS|--on|2026-12-10",
];

/// Writes the report to `report.html` in the test folder and returns the page.
fn page(env: &TestEnv) -> String {
    let file = env.path("report.html");
    run(env, &["report", "--html", file.to_str().unwrap()]);
    fs::read_to_string(&file).expect("the report file")
}

/// The `<section id="…">` of the page.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let open = format!("<section id=\"{id}\">");
    let start = html
        .find(&open)
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").expect("section end") + start;
    &html[start..end]
}

/// The text of a fragment: tags removed.
fn text(fragment: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// The cells (as text) of the table row headed `label` in `html`.
fn row(html: &str, label: &str) -> Vec<String> {
    // Stored text is isolated in <bdi> (DESIGN §10.4); labels jobtrack
    // writes itself are not.
    let plain = format!("<th scope=\"row\">{label}</th>");
    let isolated = format!("<th scope=\"row\"><bdi>{label}</bdi></th>");
    let start = [plain, isolated]
        .iter()
        .find_map(|head| html.find(head.as_str()).map(|at| at + head.len()))
        .unwrap_or_else(|| panic!("no row {label:?} in:\n{html}"));
    let end = html[start..].find("</tr>").expect("row end") + start;
    html[start..end]
        .split("</td>")
        .filter(|cell| cell.contains("<td"))
        .map(text)
        .collect()
}

/// The figure under a `<dt>` of the week's stats.
fn stat(html: &str, label: &str) -> String {
    let head = format!("<dt>{label}</dt><dd>");
    let start = html.find(&head).expect(label) + head.len();
    let end = html[start..].find("</dd>").expect("dd end") + start;
    html[start..end].to_string()
}

/// A JSON number as the page prints it: whole numbers bare, hours with at
/// most two decimals and no trailing zeros.
fn num(value: &Value) -> String {
    if let Some(n) = value.as_i64() {
        return n.to_string();
    }
    let text = format!("{:.2}", value.as_f64().expect("a number"));
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A JSON rate (fraction or null) as the page prints it.
fn percent(value: &Value) -> String {
    value
        .as_f64()
        .map_or("-".to_string(), |r| format!("{:.0}%", r * 100.0))
}

#[test]
fn the_page_is_private_self_contained_and_has_every_section() {
    let env = TestEnv::new();
    seed(&env);
    let file = env.path("report.html");
    let stdout = env.ok(&["report", "--html", file.to_str().unwrap()]);
    assert_eq!(stdout, format!("Wrote report to {}\n", file.display()));
    assert_eq!(mode(&file), 0o600);
    let html = fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script in the page");
    assert!(!lower.contains("http://") && !lower.contains("https://"));
    assert!(!lower.contains("src="), "a resource reference in the page");
    assert!(!lower.contains("<link") && !lower.contains("@import") && !lower.contains("url("));
    for (i, _) in lower.match_indices("href=\"") {
        assert!(
            lower[i + 6..].starts_with('#'),
            "a link out of the page: {}",
            &html[i..i + 40]
        );
    }
    // Inline style and SVG; phone and paper.
    assert!(html.contains("<style>") && html.contains("<svg"));
    assert!(html.contains("name=\"viewport\""));
    assert!(html.contains("@media print") && html.contains("page-break-inside: avoid"));
    for (id, heading) in [
        ("week", "This week"),
        ("funnel", "Funnel by source"),
        ("activity", "Weekly activity"),
        ("goals", "Goals"),
        ("volunteer", "Volunteer hours"),
        ("credentials", "Credentials"),
    ] {
        assert!(
            section(&html, id).contains(&format!("<h2>{heading}")),
            "{id}"
        );
    }
    assert!(section(&html, "week").contains("<h3>Due in the next 7 days: 5 items"));
    assert!(section(&html, "week").contains("<h3>Pipeline"));
}

#[test]
fn the_numbers_are_the_json_reports_numbers() {
    let env = TestEnv::new();
    seed(&env);
    let html = page(&env);

    // The dashboard: this week, the pipeline, what is due, goals.
    let dashboard = env.json(&["report"]);
    let week = section(&html, "week");
    assert_eq!(stat(week, "Applications"), "1");
    for (label, key) in [
        ("Applications", "applications"),
        ("Interactions", "interactions"),
        ("Volunteer hours", "volunteer_hours"),
    ] {
        assert_eq!(stat(week, label), num(&dashboard["week"][key]), "{label}");
    }
    let pipeline = dashboard["pipeline"].as_object().unwrap();
    assert_eq!(pipeline["applied"], 1);
    for (status, count) in pipeline {
        assert_eq!(row(week, status)[0], num(count), "pipeline {status}");
    }
    let due = dashboard["due"].as_array().unwrap();
    // The interview of 2026-11-30 follows up on 12-04 (D + 4), past the week.
    assert_eq!(due.len(), 5);
    assert_eq!(week.matches("<tr><td").count(), due.len());
    for item in due {
        assert!(week.contains(item["title"].as_str().unwrap()), "{item}");
    }
    let overdue = due.iter().filter(|i| i["overdue"] == true).count();
    assert_eq!(overdue, 2);
    assert_eq!(week.matches("overdue</span>").count(), overdue);
    assert!(week.contains("<h3>Due in the next 7 days: 5 items, 2 overdue</h3>"));
    let goals = section(&html, "goals");
    assert_eq!(row(goals, "applications per week")[0], "1 / 5");
    for goal in dashboard["goals"].as_array().unwrap() {
        let label = format!(
            "{} per {}",
            goal["metric"].as_str().unwrap().replace('_', " "),
            goal["period"].as_str().unwrap()
        );
        assert_eq!(
            row(goals, &label)[0],
            format!("{} / {}", num(&goal["done"]), num(&goal["target"]))
        );
    }

    // The funnel by source, every status, referred against the rest.
    let apps = env.json(&["report", "apps"]);
    let funnel = section(&html, "funnel");
    assert_eq!(row(funnel, "indeed"), ["2", "1", "0", "0", "50%", "0%"]);
    let sources = apps["by_source"].as_array().unwrap();
    assert_eq!(sources.len(), 3);
    for source in sources {
        let expected = vec![
            num(&source["applications"]),
            num(&source["responses"]),
            num(&source["interviews"]),
            num(&source["offers"]),
            percent(&source["response_rate"]),
            percent(&source["interview_rate"]),
        ];
        assert_eq!(row(funnel, source["source"].as_str().unwrap()), expected);
    }
    for (status, count) in apps["by_status"].as_object().unwrap() {
        assert_eq!(row(funnel, status)[0], num(count), "status {status}");
    }
    assert!(funnel.contains(&format!(
        "<strong>{} days</strong>",
        num(&apps["median_days_to_response"])
    )));
    let network = env.json(&["report", "network"]);
    for (label, key) in [("referred", "referral"), ("not referred", "non_referral")] {
        let group = &network[key];
        assert_eq!(
            row(funnel, label),
            vec![
                num(&group["applications"]),
                num(&group["responses"]),
                num(&group["interviews"]),
                percent(&group["response_rate"]),
                percent(&group["interview_rate"]),
            ]
        );
    }

    // Weekly activity: interactions as report network counts them, and
    // this week's applications as the dashboard does.
    let activity = section(&html, "activity");
    let weeks = network["interactions_per_week"].as_array().unwrap();
    assert_eq!(weeks.len(), 12);
    for week in weeks {
        let cells = row(activity, week["week_start"].as_str().unwrap());
        assert_eq!(cells[1], num(&week["count"]), "{week}");
    }
    assert_eq!(
        row(activity, "2026-11-23")[0],
        num(&dashboard["week"]["applications"])
    );
    assert!(activity.contains("Week from 2026-11-23: 1 application<"));
    assert!(activity.contains("Interactions with contacts: 3<"));

    // Volunteer hours by organization.
    let volunteer = env.json(&["report", "volunteer"]);
    let section_text = section(&html, "volunteer");
    assert_eq!(num(&volunteer["total_hours"]), "9.75");
    assert!(section_text.contains(&format!(
        "Total: <strong>{}</strong> hours",
        num(&volunteer["total_hours"])
    )));
    for group in volunteer["groups"].as_array().unwrap() {
        let cells = row(section_text, group["org"].as_str().unwrap());
        assert_eq!(cells[0], num(&group["hours"]));
        assert_eq!(cells[2], group["first_date"].as_str().unwrap());
        assert_eq!(cells[3], group["last_date"].as_str().unwrap());
    }
    assert_eq!(
        row(section_text, "Mercy Health")[4],
        "Front desk, Records volunteer"
    );

    // Credential progress, as cert list has it.
    let certs = env.json(&["cert", "list"]);
    let credentials = section(&html, "credentials");
    for cert in certs.as_array().unwrap() {
        let cells = row(credentials, cert["code"].as_str().unwrap());
        assert_eq!(cells[0], cert["name"].as_str().unwrap());
        assert_eq!(cells[1], cert["status"].as_str().unwrap());
        assert_eq!(cells[3], cert["exam_on"].as_str().unwrap_or(""));
        let ceus = if cert["ceu_required"].is_null() {
            String::new()
        } else {
            format!(
                "{} / {}",
                num(&cert["ceu_earned"]),
                num(&cert["ceu_required"])
            )
        };
        assert_eq!(cells[4], ceus);
        let cycle = match (cert["cycle_start"].as_str(), cert["cycle_end"].as_str()) {
            (Some(start), Some(end)) => format!("{start} to {end}"),
            _ => String::new(),
        };
        assert_eq!(cells[5], cycle);
    }
    let rhit = row(credentials, "RHIT");
    assert_eq!(rhit[1..5], ["passed", "held", "2026-06-01", "6.5 / 20"]);
    assert_eq!(row(credentials, "CPHIMS")[3], "2026-12-10");
}

#[test]
fn stored_text_is_escaped() {
    let env = TestEnv::new();
    let org = "St. Luke's <script>alert(1)</script> & \"Sons\"";
    let title = "Coder <i>II</i>";
    run(
        &env,
        &[
            "app",
            "add",
            org,
            title,
            "--source",
            "<b>board</b>",
            "--follow-up",
            "tomorrow",
        ],
    );
    run(
        &env,
        &[
            "vol",
            "log",
            org,
            "2",
            "--role",
            "<img src=x onerror=alert(1)>",
        ],
    );
    run(
        &env,
        &[
            "contact",
            "add",
            "Jo <script>x()</script>",
            "--follow-up",
            "today",
        ],
    );
    run(&env, &["cert", "add", "MINE", "--name", "My <cert> 'one'"]);
    let html = page(&env);
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "{html}");
    assert!(!lower.contains("<img") && !lower.contains("<b>") && !lower.contains("<i>"));
    let org_escaped = "St. Luke&#39;s &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Sons&quot;";
    // The organization in what is due and in the volunteer table.
    assert!(section(&html, "week").contains(&format!(
        "Follow up: Coder &lt;i&gt;II&lt;/i&gt; at {org_escaped}"
    )));
    assert_eq!(row(section(&html, "volunteer"), org_escaped)[0], "2");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("Follow up with Jo &lt;script&gt;x()&lt;/script&gt;"));
    assert_eq!(
        row(section(&html, "funnel"), "&lt;b&gt;board&lt;/b&gt;")[0],
        "1"
    );
    assert_eq!(
        row(section(&html, "credentials"), "MINE")[0],
        "My &lt;cert&gt; &#39;one&#39;"
    );
}

#[test]
fn due_items_show_ten_of_a_kind_and_count_the_rest() {
    let env = TestEnv::new();
    for i in 0..12 {
        let title = format!("Coder {i}");
        run(
            &env,
            &["app", "add", "Mercy Health", &title, "--follow-up", "today"],
        );
    }
    run(
        &env,
        &["contact", "add", "Jane Doe", "--follow-up", "tomorrow"],
    );
    let html = page(&env);
    let week = section(&html, "week");
    assert_eq!(env.json(&["report"])["due"].as_array().unwrap().len(), 13);
    assert!(week.contains("<h3>Due in the next 7 days: 13 items, 0 overdue</h3>"));
    assert_eq!(week.matches("<tr><td").count(), 11);
    assert!(week.contains("Follow up with Jane Doe"));
    assert!(week.contains("And 2 more app follow up (at most 10 of a kind here;"));
}

#[test]
fn an_existing_file_needs_force() {
    let env = TestEnv::new();
    seed(&env);
    let file = env.path("report.html");
    let path = file.to_str().unwrap();
    fs::write(&file, "keep me").unwrap();
    let stderr = env.fails(2, &["report", "--html", path]);
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "keep me");

    // --force replaces it, owner-only even where the old file was not.
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    let written = env.json(&["report", "--html", path, "--force"]);
    let html = fs::read_to_string(&file).unwrap();
    assert!(html.contains("<section id=\"funnel\">"));
    assert_eq!(written["path"], path);
    assert_eq!(written["bytes"].as_u64(), Some(html.len() as u64));
    assert_eq!(mode(&file), 0o600);

    // `report dashboard --html` is the same page; -q prints the path.
    let other = env.path("dashboard.html");
    let quiet = env.ok(&[
        "report",
        "dashboard",
        "--html",
        other.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(quiet.trim(), other.to_str().unwrap());
    assert_eq!(fs::read_to_string(&other).unwrap(), html);

    // Only the dashboard takes --html; --force means nothing without it.
    env.fails(2, &["report", "apps", "--html", path]);
    env.fails(2, &["report", "--force"]);
    // Never over a folder or the database, even with --force.
    let folder = env.dir.path().to_str().unwrap();
    let stderr = env.fails(2, &["report", "--html", folder, "--force"]);
    assert!(stderr.contains("is a folder"), "{stderr}");
    let db = env.db.to_str().unwrap();
    let stderr = env.fails(2, &["report", "--html", db, "--force"]);
    assert!(stderr.contains("database itself"), "{stderr}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 5);
    // No temporary files left behind.
    let leftovers: Vec<_> = fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_empty_database_gives_a_page_that_says_so() {
    let env = TestEnv::new();
    run(&env, &["init"]);
    let html = page(&env);
    assert_eq!(stat(&html, "Applications"), "0");
    assert!(html.contains("No applications sent yet."));
    assert!(html.contains("No applications or interactions in these 12 weeks"));
    assert!(html.contains("No goals set."));
    assert!(html.contains("No volunteer hours yet."));
    assert!(html.contains("No credentials tracked."));
    assert!(html.contains("Nothing due in the next seven days."));
}

#[test]
fn nothing_is_written_without_a_database_or_a_folder() {
    let env = TestEnv::new();
    let file = env.path("report.html");
    let stderr = env.fails(1, &["report", "--html", file.to_str().unwrap()]);
    assert!(stderr.contains("no database"), "{stderr}");
    assert!(!file.exists());
    assert!(!env.db.exists());

    run(&env, &["init"]);
    let nowhere = env.path("missing/report.html");
    let stderr = env.fails(1, &["report", "--html", nowhere.to_str().unwrap()]);
    assert!(stderr.contains("does not exist"), "{stderr}");
}
