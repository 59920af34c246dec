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

/// How an issuer lays out a credential's CEU cycles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CycleRule {
    /// AHIMA: from the day passed through the day before the anniversary.
    Anniversary,
    /// HIMSS: as `Anniversary`, but each cycle ends on the last day of the
    /// month in which its anniversary falls.
    MonthEnd,
    /// NCRA: cycles end on 31 December; the first runs from the pass date to
    /// 31 December of the year after the pass year, then whole calendar years.
    CalendarYears,
}

/// The part of a cycle's CEUs that must come from the issuer (or the
/// providers it names), computed from the providers the user recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "at_least", rename_all = "snake_case")]
pub enum ProviderShare {
    /// At least this percent of the required CEUs (AHIMA: 40%, from AHIMA or
    /// a state association).
    Percent(u32),
    /// At least this many hours (HIMSS: 25, from HIMSS or approved providers).
    Hours(u32),
}

/// Keeping the credential.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Renewal {
    /// Years per cycle.
    pub cycle_years: u32,
    /// Where the cycles start and end.
    pub cycle_rule: CycleRule,
    /// CEUs (hours of continuing education) per cycle.
    pub ceu_required: u32,
    /// The sub-rules in words, as `cert catalog` shows them (empty when none are known).
    pub rules: &'static str,
    /// The sub-rules jobtrack cannot check, printed as reminders under the issuer's name.
    pub reminders: &'static [&'static str],
    /// The share that must come from the issuer, computed from CEU providers.
    pub provider_share: Option<ProviderShare>,
    pub confidence: Confidence,
}

impl Renewal {
    /// The cycle in words: "every 2 years from the day passed".
    pub fn cycle_text(&self) -> String {
        match self.cycle_rule {
            CycleRule::Anniversary => {
                format!("every {} years from the day passed", self.cycle_years)
            }
            CycleRule::MonthEnd => format!(
                "every {} years, ending on the last day of the month of each anniversary \
                 (month end: medium confidence, a secondary source)",
                self.cycle_years
            ),
            CycleRule::CalendarYears => format!(
                "{}-year cycles ending 31 December; the first runs to 31 December of the year \
                 after the pass year",
                self.cycle_years
            ),
        }
    }

    /// The hours that must come from the issuer in a cycle requiring `required`.
    pub fn provider_hours_needed(&self, required: u32) -> Option<f64> {
        match self.provider_share? {
            ProviderShare::Percent(percent) => {
                Some(f64::from(required) * f64::from(percent) / 100.0)
            }
            ProviderShare::Hours(hours) => Some(f64::from(hours)),
        }
    }
}

/// True when a CEU from `provider` counts toward `issuer`'s provider share:
/// for AHIMA a provider containing "AHIMA", ending in "HIMA" (a state
/// association such as FHIMA) or naming a Health Information Management
/// Association; for HIMSS one containing "HIMSS". Case is ignored.
pub fn provider_counts(issuer: &str, provider: &str) -> bool {
    let provider = provider.trim().to_ascii_uppercase();
    match issuer {
        AHIMA => {
            provider.contains("AHIMA")
                || provider.ends_with("HIMA")
                || provider.contains("HEALTH INFORMATION MANAGEMENT ASSOCIATION")
        }
        HIMSS => provider.contains("HIMSS"),
        _ => false,
    }
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

    /// How `cert catalog` describes keeping the credential.
    pub fn renewal_text(&self) -> String {
        let renewal = &self.renewal;
        let mut text = format!(
            "({}) {}; {} CEUs",
            renewal.confidence.as_str(),
            renewal.cycle_text(),
            renewal.ceu_required
        );
        if !renewal.rules.is_empty() {
            text.push_str(&format!("; {}", renewal.rules));
        }
        if self.is_ahima() {
            text.push_str(
                "; several AHIMA credentials share one cycle and CEU pool, and one passed \
                 mid-cycle joins it from the next cycle (AHIMA's CEU Center has the exact dates)",
            );
        }
        text
    }
}

const AHIMA: &str = "AHIMA";
const HIMSS: &str = "HIMSS";
const NCRA: &str = "NCRA";
const CHECKED: &str = "2026-12";

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
    "ahima.org/certification/Recertification (CEU table, multi-credential rule, 80%/40% rules; \
     multiple credentials and early testing change the cycle)",
    "ahima.org RHIT and RHIA exam pages and eligibility text (early testing, routes)",
    "ahima.org recertification FAQ (RHIA replaces RHIT, fees)",
    "cahiim.org/about",
    "open-exam-prep.com (exam length, scale, fees)",
    "medicalcodingpro.com and open-exam-prep.com, quoting AHIMA's foreign-reciprocity route",
];

const AHIMA_CODING_SOURCES: &[&str] = &[
    "ahima.org/certification/Recertification (CEU table, multi-credential rule, 80%/40% rules; \
     coding self-reviews)",
    "ahima.org certification pages (eligibility, recommendations)",
];

const CCS_SOURCES: &[&str] = &[
    "ahima.org certifications-overview/ccs (high-school diploma required; coursework + 1 year; \
     CCS-P held counts)",
    "ahima.org/certification/Recertification (CEU table, multi-credential rule, 80%/40% rules; \
     coding self-reviews)",
];

const HIMSS_SOURCES: &[&str] = &[
    "himss.org/resources-certification/recertification (3 years, 45 CE, 25 HIMSS, 2 h ethics)",
    "CPHIMS candidate handbooks (2006, 2013: AMP; 2023)",
    "cphimsexam.com (exam length, scale, fees)",
    "himsscphims.blogspot.com, reproducing HIMSS renewal text (month-end expiry; secondary)",
];

const AHIMA_RULES: &str =
    "at least 80% of CEUs in HIM domains; from 2025 at least 40% from AHIMA or state associations";
const AHIMA_CODING_RULES: &str = "at least 80% of CEUs in HIM domains; from 2025 at least 40% \
     from AHIMA or state associations; the 20 include two mandatory annual coding self-reviews \
     (5 CEUs each)";
const HIMSS_RULES: &str =
    "at least 25 CE from HIMSS or approved providers; at least 2 hours of ethics; or retake the exam";

const HIM_DOMAINS: &str = "at least 80% of CEUs in HIM domains";
const CODING_SELF_REVIEWS: &str = "the CCA, CCS and CCS-P need two mandatory annual coding \
     self-reviews (5 CEUs each), part of their 20 CEUs";

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
        cycle_rule: CycleRule::Anniversary,
        ceu_required,
        rules: AHIMA_RULES,
        reminders: &[HIM_DOMAINS],
        provider_share: Some(ProviderShare::Percent(40)),
        confidence: Confidence::High,
    }
}

/// The CCA, CCS and CCS-P: 20 CEUs including the coding self-reviews.
const AHIMA_CODING_RENEWAL: Renewal = Renewal {
    rules: AHIMA_CODING_RULES,
    reminders: &[HIM_DOMAINS, CODING_SELF_REVIEWS],
    ..ahima_renewal(20)
};

const HIMSS_RENEWAL: Renewal = Renewal {
    cycle_years: 3,
    cycle_rule: CycleRule::MonthEnd,
    ceu_required: 45,
    rules: HIMSS_RULES,
    reminders: &["at least 2 hours of ethics (or retake the exam instead)"],
    provider_share: Some(ProviderShare::Hours(25)),
    confidence: Confidence::High,
};

const CCS_ADVICE: &[&str] = &[
    "recommended: coding coursework + 1 year of coding, or 2 years of coding, or a coding \
     credential + 1 year of coding, or the RHIT, RHIA or CCS-P",
];

const CCS_P_ADVICE: &[&str] = &[
    "recommended (assumed to match the CCS): coding coursework + 1 year of coding, or 2 years \
     of coding, or a coding credential + 1 year of coding, or the RHIT, RHIA or CCS",
];

/// AHIMA's route for programs abroad, which jobtrack cannot judge.
const FOREIGN_ROUTE: &str = "also possible: an HIM program approved by a foreign association with \
     which AHIMA has a reciprocity agreement (confirm with AHIMA)";

/// The one hard rule of the coding credentials.
const HIGH_SCHOOL: &[Route] = &[Route {
    label: "high school (always met)",
    requires: Req::Always,
}];

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
        advice: &[FOREIGN_ROUTE],
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
        advice: &[FOREIGN_ROUTE],
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
        advice: &[
            "HIMSS asks for years in information and management systems; jobtrack counts all \
             your years and your healthcare years, so check that yours fit",
        ],
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
        renewal: AHIMA_CODING_RENEWAL,
        sources: AHIMA_CODING_SOURCES,
        checked: CHECKED,
    },
    Credential {
        code: "CCS",
        name: "Certified Coding Specialist",
        issuer: AHIMA,
        routes: HIGH_SCHOOL,
        confidence: Confidence::High,
        advice: CCS_ADVICE,
        not_eligible_advice: &[],
        exam: None,
        retake_wait_days: Some(30),
        renewal: AHIMA_CODING_RENEWAL,
        sources: CCS_SOURCES,
        checked: CHECKED,
    },
    Credential {
        code: "CCS-P",
        name: "Certified Coding Specialist – Physician-based",
        issuer: AHIMA,
        routes: HIGH_SCHOOL,
        confidence: Confidence::High,
        advice: CCS_P_ADVICE,
        not_eligible_advice: &[],
        exam: None,
        retake_wait_days: Some(90),
        renewal: AHIMA_CODING_RENEWAL,
        sources: CCS_SOURCES,
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
            "ahima.org/certification/Recertification (CEU table, multi-credential rule; multiple \
             credentials and early testing change the cycle)",
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
            cycle_rule: CycleRule::CalendarYears,
            ceu_required: 20,
            rules: "at least 4 of the 20 CE hours in Category A; CEs and the fee are due \
                    31 January after the cycle",
            reminders: &[
                "at least 4 of the 20 CE hours in Category A",
                "CEs and the fee are due 31 January after the cycle ends",
            ],
            provider_share: None,
            confidence: Confidence::High,
        },
        sources: &[
            "ncra-usa.org \"Paths to the Profession\"",
            "ctrexam.org eligibility",
            "ncra-usa.org CTR-Maintenance and Submit-CEs (CE cycle ends 31 December; 4 Category A \
             hours)",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_shares_count_the_issuer_and_its_associations() {
        for provider in [
            "AHIMA",
            "ahima Virtual Lab",
            "FHIMA",
            " OHIMA ",
            "Texas Health Information Management Association",
        ] {
            assert!(provider_counts(AHIMA, provider), "{provider}");
        }
        for provider in [
            "Coursera",
            "HIMSS",
            "HIMA Conference 2026",
            "Himalaya Trust",
        ] {
            assert!(!provider_counts(AHIMA, provider), "{provider}");
        }
        assert!(provider_counts(HIMSS, "HIMSS"));
        assert!(provider_counts(HIMSS, "Himss Ohio Chapter"));
        assert!(!provider_counts(HIMSS, "AHIMA"));
        assert!(
            !provider_counts(NCRA, "NCRA"),
            "NCRA states no provider share"
        );
    }

    #[test]
    fn the_december_corrections_are_in_the_catalog() {
        let ccs = find("CCS").unwrap();
        assert!(!ccs.advice_only());
        assert_eq!(ccs.confidence, Confidence::High);
        assert!(ccs.sources[0].contains("certifications-overview/ccs"));
        for code in ["CCA", "CCS", "CCS-P"] {
            let renewal = find(code).unwrap().renewal;
            assert!(renewal.reminders.contains(&CODING_SELF_REVIEWS), "{code}");
        }
        assert!(!find("RHIT")
            .unwrap()
            .renewal
            .reminders
            .contains(&CODING_SELF_REVIEWS));
        for code in ["RHIT", "RHIA"] {
            assert_eq!(find(code).unwrap().advice, [FOREIGN_ROUTE]);
        }
        let ctr = find("CTR").unwrap().renewal;
        assert_eq!(ctr.cycle_rule, CycleRule::CalendarYears);
        assert!(ctr.reminders[0].contains("Category A"));
        let cphims = find("CPHIMS").unwrap();
        assert_eq!(cphims.renewal.cycle_rule, CycleRule::MonthEnd);
        assert!(cphims.advice[0].contains("information and management systems"));
        assert_eq!(cphims.renewal.provider_hours_needed(45), Some(25.0));
        assert_eq!(
            find("RHIA").unwrap().renewal.provider_hours_needed(30),
            Some(12.0)
        );
        assert!(find("CHPS").unwrap().renewal_text().contains("CEU Center"));
    }
}
