//! The built-in credential catalog: the facts of `credentials.md` as data.
//! Each entry carries its eligibility routes, exam facts, recertification
//! cycle, confidence marks, sources and the date the facts were last seen.

use serde::Serialize;

use crate::profile::Level;

/// How sure the catalog is of a fact (a range mark counts as its lower end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// The issuer's own page says so.
    High,
    /// An older issuer page, or several independent secondary sources.
    Medium,
    /// A single secondary source.
    Low,
}

impl Confidence {
    /// "high", "medium", "low".
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// One requirement of an eligibility route.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Req {
    /// A degree at one of `levels`; `cahiim`: from a CAHIIM-accredited HIM
    /// program; `final_term`: a program in its final term counts (AHIMA's
    /// early testing), else it must be completed.
    Degree {
        levels: &'static [Level],
        cahiim: bool,
        final_term: bool,
    },
    /// Years of experience in all (`total`), of which `healthcare` in healthcare.
    Years { total: u32, healthcare: u32 },
    /// One of these credentials held (tracked with status `passed`).
    Held { codes: &'static [&'static str] },
    /// Nothing to check (a high-school diploma is assumed).
    Always,
    /// Every one of these.
    All { of: &'static [Req] },
}

/// One way to qualify.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Route {
    /// How `cert check` names the route.
    pub label: &'static str,
    /// What it asks.
    pub requires: Req,
}

/// An exam's score scale.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    pub pass: i64,
}

/// What is known about the exam.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Exam {
    pub delivery: &'static str,
    pub length: &'static str,
    /// The scaled score and pass mark, when known.
    pub scale: Option<Scale>,
    pub fees: Option<&'static str>,
    pub confidence: Confidence,
}

/// Keeping the credential.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Renewal {
    /// Years per cycle.
    pub cycle_years: u32,
    /// CEUs (hours of continuing education) per cycle.
    pub ceu_required: u32,
    /// Sub-rules printed as reminders, never checked (empty when none are known).
    pub rules: &'static str,
    pub confidence: Confidence,
}

/// One catalog credential.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Credential {
    pub code: &'static str,
    pub name: &'static str,
    pub issuer: &'static str,
    /// The routes; empty for advice-only credentials.
    pub routes: &'static [Route],
    /// The confidence of the eligibility facts.
    pub confidence: Confidence,
    /// What the issuer recommends or asks beyond the routes (always shown).
    pub advice: &'static [&'static str],
    /// Said plainly when the user is not eligible.
    pub not_eligible_advice: &'static [&'static str],
    pub exam: Option<Exam>,
    /// Days a retake must wait after a failed attempt.
    pub retake_wait_days: Option<u32>,
    pub renewal: Renewal,
    pub sources: &'static [&'static str],
    /// When these facts were last seen (year-month).
    pub checked: &'static str,
}

impl Credential {
    /// True when jobtrack gives advice instead of a verdict.
    pub fn advice_only(&self) -> bool {
        self.routes.is_empty()
    }

    /// True for AHIMA credentials, which share one CEU cycle and pool.
    pub fn is_ahima(&self) -> bool {
        self.issuer == AHIMA
    }
}

const AHIMA: &str = "AHIMA";
const HIMSS: &str = "HIMSS";
const NCRA: &str = "NCRA";
const CHECKED: &str = "2026-11";

const ASSOCIATE: &[Level] = &[Level::Associate];
const BACHELOR: &[Level] = &[Level::Bachelor];
const MASTER: &[Level] = &[Level::Master];
const CERTIFICATE: &[Level] = &[Level::Certificate];
const ASSOCIATE_OR_HIGHER: &[Level] = &[
    Level::Associate,
    Level::Bachelor,
    Level::Master,
    Level::Doctorate,
];
const BACHELOR_OR_HIGHER: &[Level] = &[Level::Bachelor, Level::Master, Level::Doctorate];
const GRADUATE: &[Level] = &[Level::Master, Level::Doctorate];

const fn degree(levels: &'static [Level], cahiim: bool, final_term: bool) -> Req {
    Req::Degree {
        levels,
        cahiim,
        final_term,
    }
}

const fn completed(levels: &'static [Level]) -> Req {
    degree(levels, false, false)
}

const fn healthcare_years(years: u32) -> Req {
    Req::Years {
        total: 0,
        healthcare: years,
    }
}

const AHIMA_SOURCES: &[&str] = &[
    "ahima.org/certification/Recertification (CEU table, multi-credential rule, 80%/40% rules)",
    "ahima.org RHIT and RHIA exam pages and eligibility text (early testing, routes)",
    "ahima.org recertification FAQ (RHIA replaces RHIT, fees)",
    "cahiim.org/about",
    "open-exam-prep.com (exam length, scale, fees)",
];

const AHIMA_CODING_SOURCES: &[&str] = &[
    "ahima.org/certification/Recertification (CEU table, multi-credential rule, 80%/40% rules)",
    "ahima.org certification pages (eligibility, recommendations)",
];

const HIMSS_SOURCES: &[&str] = &[
    "himss.org/resources-certification/recertification (3 years, 45 CE, 25 HIMSS, 2 h ethics)",
    "CPHIMS candidate handbooks (2006, 2013: AMP; 2023)",
    "cphimsexam.com (exam length, scale, fees)",
];

const AHIMA_RULES: &str =
    "at least 80% of CEUs in HIM domains; from 2025 at least 40% from AHIMA or state associations";
const HIMSS_RULES: &str =
    "at least 25 CE from HIMSS or approved providers; at least 2 hours of ethics; or retake the exam";

const AHIMA_REGISTERED_EXAM: Exam = Exam {
    delivery: "Pearson VUE centre or online (OnVUE)",
    length: "150 items (130 scored), 3.5 h",
    scale: Some(Scale {
        min: 100,
        max: 400,
        pass: 300,
    }),
    fees: Some("US$229 members / 299 non-members"),
    confidence: Confidence::Medium,
};

const fn ahima_renewal(ceu_required: u32) -> Renewal {
    Renewal {
        cycle_years: 2,
        ceu_required,
        rules: AHIMA_RULES,
        confidence: Confidence::High,
    }
}

const HIMSS_RENEWAL: Renewal = Renewal {
    cycle_years: 3,
    ceu_required: 45,
    rules: HIMSS_RULES,
    confidence: Confidence::High,
};

const CODING_ADVICE: &[&str] = &[
    "no hard requirement; recommended: coding coursework, or 2 years of coding, \
     or a coding credential + 1 year of coding, or the RHIT or RHIA",
];

/// An AHIMA credential whose eligibility facts are not verified: advice only.
const fn unverified(code: &'static str, name: &'static str) -> Credential {
    Credential {
        code,
        name,
        issuer: AHIMA,
        routes: &[],
        confidence: Confidence::Low,
        advice: &["eligibility is not verified: read the issuer's current requirements"],
        not_eligible_advice: &[],
        exam: None,
        retake_wait_days: Some(90),
        renewal: ahima_renewal(30),
        sources: AHIMA_CODING_SOURCES,
        checked: CHECKED,
    }
}

const NO_EXPERIENCE_ROUTE: &str =
    "there is no experience-only route: it needs a CAHIIM-accredited HIM program";

/// Every credential jobtrack knows, in the order `cert catalog` shows them.
pub const CATALOG: &[Credential] = &[
    Credential {
        code: "RHIT",
        name: "Registered Health Information Technician",
        issuer: AHIMA,
        routes: &[Route {
            label: "associate + CAHIIM",
            requires: degree(ASSOCIATE, true, true),
        }],
        confidence: Confidence::High,
        advice: &[],
        not_eligible_advice: &[
            "any associate's degree is not enough: it must be a CAHIIM-accredited HIM program",
            NO_EXPERIENCE_ROUTE,
        ],
        exam: Some(AHIMA_REGISTERED_EXAM),
        retake_wait_days: Some(90),
        renewal: ahima_renewal(20),
        sources: AHIMA_SOURCES,
        checked: CHECKED,
    },
    Credential {
        code: "RHIA",
        name: "Registered Health Information Administrator",
        issuer: AHIMA,
        routes: &[
            Route {
                label: "bachelor + CAHIIM",
                requires: degree(BACHELOR, true, true),
            },
            Route {
                label: "master + CAHIIM",
                requires: degree(MASTER, true, true),
            },
            Route {
                label: "bachelor + CAHIIM post-bachelor's certificate",
                requires: Req::All {
                    of: &[completed(BACHELOR_OR_HIGHER), degree(CERTIFICATE, true, true)],
                },
            },
        ],
        confidence: Confidence::High,
        advice: &[],
        not_eligible_advice: &[
            "a health-informatics master's alone does not lead to the RHIA",
            NO_EXPERIENCE_ROUTE,
        ],
        exam: Some(AHIMA_REGISTERED_EXAM),
        retake_wait_days: Some(90),
        renewal: ahima_renewal(30),
        sources: AHIMA_SOURCES,
        checked: CHECKED,
    },
    Credential {
        code: "CPHIMS",
        name: "Certified Professional in Healthcare Information and Management Systems",
        issuer: HIMSS,
        routes: &[
            Route {
                label: "bachelor + 5 years experience (3 in healthcare)",
                requires: Req::All {
                    of: &[
                        completed(BACHELOR_OR_HIGHER),
                        Req::Years {
                            total: 5,
                            healthcare: 3,
                        },
                    ],
                },
            },
            Route {
                label: "graduate degree + 3 years experience (2 in healthcare)",
                requires: Req::All {
                    of: &[
                        completed(GRADUATE),
                        Req::Years {
                            total: 3,
                            healthcare: 2,
                        },
                    ],
                },
            },
        ],
        confidence: Confidence::Medium,
        advice: &[],
        not_eligible_advice: &[],
        exam: Some(Exam {
            delivery: "Pearson VUE",
            length: "115 items (100 scored), 2 h",
            scale: Some(Scale {
                min: 200,
                max: 800,
                pass: 600,
            }),
            fees: Some("US$609 members / 729 non-members"),
            confidence: Confidence::Low,
        }),
        retake_wait_days: None,
        renewal: HIMSS_RENEWAL,
        sources: HIMSS_SOURCES,
        checked: CHECKED,
    },
    Credential {
        code: "CAHIMS",
        name: "Certified Associate in Healthcare Information and Management Systems",
        issuer: HIMSS,
        routes: &[],
        confidence: Confidence::Low,
        advice: &["a high-school diploma or equivalent; no experience is needed"],
        not_eligible_advice: &[],
        exam: Some(Exam {
            delivery: "Pearson VUE",
            length: "115 items (100 scored), 2 h",
            scale: Some(Scale {
                min: 200,
                max: 800,
                pass: 600,
            }),
            fees: Some("about US$369–459"),
            confidence: Confidence::Low,
        }),
        retake_wait_days: None,
        renewal: HIMSS_RENEWAL,
        sources: HIMSS_SOURCES,
        checked: CHECKED,
    },
    Credential {
        code: "CCA",
        name: "Certified Coding Associate",
        issuer: AHIMA,
        routes: &[Route {
            label: "high school (always met)",
            requires: Req::Always,
        }],
        confidence: Confidence::Medium,
        advice: &["6 months of coding experience or a coding program is recommended"],
        not_eligible_advice: &[],
        exam: None,
        retake_wait_days: Some(30),
        renewal: ahima_renewal(20),
        sources: AHIMA_CODING_SOURCES,
        checked: CHECKED,
    },
    Credential {
        code: "CCS",
        name: "Certified Coding Specialist",
        issuer: AHIMA,
        routes: &[],
        confidence: Confidence::Low,
        advice: CODING_ADVICE,
        not_eligible_advice: &[],
        exam: None,
        retake_wait_days: Some(30),
        renewal: ahima_renewal(20),
        sources: AHIMA_CODING_SOURCES,
        checked: CHECKED,
    },
    Credential {
        code: "CCS-P",
        name: "Certified Coding Specialist – Physician-based",
        issuer: AHIMA,
        routes: &[],
        confidence: Confidence::Low,
        advice: CODING_ADVICE,
        not_eligible_advice: &[],
        exam: None,
        retake_wait_days: Some(90),
        renewal: ahima_renewal(20),
        sources: AHIMA_CODING_SOURCES,
        checked: CHECKED,
    },
    Credential {
        code: "CHPS",
        name: "Certified in Healthcare Privacy and Security",
        issuer: AHIMA,
        routes: &[
            Route {
                label: "high school + 6 years in healthcare",
                requires: healthcare_years(6),
            },
            Route {
                label: "associate + 4 years in healthcare",
                requires: Req::All {
                    of: &[completed(ASSOCIATE_OR_HIGHER), healthcare_years(4)],
                },
            },
            Route {
                label: "CCA, CCS, CCS-P or RHIT + 4 years in healthcare",
                requires: Req::All {
                    of: &[
                        Req::Held {
                            codes: &["CCA", "CCS", "CCS-P", "RHIT"],
                        },
                        healthcare_years(4),
                    ],
                },
            },
            Route {
                label: "bachelor + 2 years in healthcare",
                requires: Req::All {
                    of: &[completed(BACHELOR_OR_HIGHER), healthcare_years(2)],
                },
            },
            Route {
                label: "RHIA + 2 years in healthcare",
                requires: Req::All {
                    of: &[Req::Held { codes: &["RHIA"] }, healthcare_years(2)],
                },
            },
            Route {
                label: "graduate degree + 1 year in healthcare",
                requires: Req::All {
                    of: &[completed(GRADUATE), healthcare_years(1)],
                },
            },
        ],
        confidence: Confidence::Medium,
        advice: &[
            "CHPS asks for years in healthcare privacy or security; jobtrack counts all your \
             healthcare years, so check that yours fit",
        ],
        not_eligible_advice: &[],
        exam: Some(Exam {
            delivery: "computer-based",
            length: "140–160 items, 3.5 h",
            scale: None,
            fees: None,
            confidence: Confidence::Medium,
        }),
        retake_wait_days: Some(90),
        renewal: ahima_renewal(30),
        sources: &[
            "ahima.org/certification/Recertification (CEU table, multi-credential rule)",
            "ahima.org CHPS exam page",
        ],
        checked: CHECKED,
    },
    Credential {
        code: "CTR",
        name: "Certified Tumor Registrar",
        issuer: NCRA,
        routes: &[],
        confidence: Confidence::High,
        advice: &[
            "route A: an associate's degree (or 60 college credits) + an NCRA-accredited degree or \
             certificate program + a 160-hour practicum",
            "route B: an associate's degree with 2 semesters of anatomy & physiology + 1,950 hours \
             of cancer-registry work",
            "jobtrack does not hold these facts (NCRA program, practicum, anatomy & physiology, \
             registry hours), so it cannot judge them",
        ],
        not_eligible_advice: &[],
        exam: None,
        retake_wait_days: None,
        renewal: Renewal {
            cycle_years: 2,
            ceu_required: 20,
            rules: "",
            confidence: Confidence::High,
        },
        sources: &[
            "ncra-usa.org \"Paths to the Profession\"",
            "ctrexam.org eligibility",
        ],
        checked: CHECKED,
    },
    unverified("CDIP", "Certified Documentation Integrity Practitioner"),
    unverified("CHDA", "Certified Health Data Analyst"),
];

/// The catalog entry for a code (any case).
pub fn find(code: &str) -> Option<&'static Credential> {
    CATALOG
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code.trim()))
}

/// The catalog codes, comma-separated, for messages.
pub fn codes() -> String {
    CATALOG
        .iter()
        .map(|c| c.code)
        .collect::<Vec<_>>()
        .join(", ")
}
