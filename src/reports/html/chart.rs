//! The page's pictures as inline SVG: the weekly bar chart and the
//! horizontal meters (SVG rather than CSS backgrounds, which browsers leave
//! off when printing).

use crate::output::count_of;
use crate::reports::network::WeekCount;

/// Chart geometry (SVG user units; the chart scales to the page width).
const CHART_WIDTH: f64 = 720.0;
const CHART_HEIGHT: f64 = 240.0;
const CHART_LEFT: f64 = 36.0;
const CHART_RIGHT: f64 = 8.0;
const CHART_TOP: f64 = 18.0;
const CHART_BOTTOM: f64 = 40.0;
const BAR_WIDTH: f64 = 18.0;

/// The SVG bar chart of two weekly series over the same weeks.
pub(super) fn weekly_chart(applications: &[WeekCount], interactions: &[WeekCount]) -> String {
    let max = applications
        .iter()
        .chain(interactions)
        .map(|w| w.count)
        .max()
        .unwrap_or(0);
    // Four gridlines or fewer, at whole numbers.
    let step = ((max + 3) / 4).max(1);
    let top = (step * ((max + step - 1) / step)).max(step);
    let plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM;
    let plot_width = CHART_WIDTH - CHART_LEFT - CHART_RIGHT;
    let y = |value: i64| CHART_TOP + plot_height * (1.0 - value as f64 / top as f64);
    let mut svg = format!(
        "<svg viewBox=\"0 0 {CHART_WIDTH} {CHART_HEIGHT}\" role=\"img\" \
         aria-label=\"Applications and interactions per week, last 12 weeks\">\n"
    );
    let mut tick = 0;
    while tick <= top {
        svg.push_str(&format!(
            "<line class=\"axis\" x1=\"{CHART_LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{tick}</text>\n",
            CHART_WIDTH - CHART_RIGHT,
            CHART_LEFT - 6.0,
            y(tick) + 4.0,
            y = y(tick),
        ));
        tick += step;
    }
    let slot = plot_width / applications.len().max(1) as f64;
    let last = applications.len().saturating_sub(1);
    for (i, (sent, talked)) in applications.iter().zip(interactions).enumerate() {
        let middle = CHART_LEFT + slot * (i as f64 + 0.5);
        for (x, count, class, what) in [
            (middle - BAR_WIDTH - 1.0, sent.count, "apps", "application"),
            (middle + 1.0, talked.count, "talk", "interaction"),
        ] {
            let height = y(0) - y(count);
            svg.push_str(&format!(
                "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{BAR_WIDTH}\" \
                 height=\"{height:.1}\"><title>Week from {}: {}</title></rect>",
                y(count),
                sent.week_start,
                count_of(count, what, &format!("{what}s"))
            ));
            if count > 0 {
                svg.push_str(&format!(
                    "<text class=\"value\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{count}</text>",
                    x + BAR_WIDTH / 2.0,
                    y(count) - 3.0
                ));
            }
        }
        let label_y = CHART_HEIGHT - CHART_BOTTOM + 16.0;
        svg.push_str(&format!(
            "<text x=\"{middle:.1}\" y=\"{label_y:.1}\" text-anchor=\"middle\">{}</text>",
            sent.week_start.format("%b %-d")
        ));
        if i == last {
            svg.push_str(&format!(
                "<text x=\"{middle:.1}\" y=\"{:.1}\" text-anchor=\"middle\">this week</text>",
                label_y + 14.0
            ));
        }
        svg.push('\n');
    }
    if max == 0 {
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">No applications or interactions in these 12 weeks</text>\n",
            CHART_LEFT + plot_width / 2.0,
            CHART_TOP + plot_height / 2.0
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// A horizontal bar `value / max` as inline SVG (prints, unlike CSS
/// backgrounds); green when `good`.
pub(super) fn meter(value: f64, max: f64, good: bool) -> String {
    let fraction = if max > 0.0 {
        (value / max).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let class = if good { "fill good" } else { "fill" };
    format!(
        "<svg class=\"meter\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
         <rect class=\"track\" width=\"100\" height=\"10\" rx=\"2\"/>\
         <rect class=\"{class}\" width=\"{:.1}\" height=\"10\" rx=\"2\"/></svg>",
        fraction * 100.0
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn the_chart_scales_to_whole_numbers() {
        let weeks = |counts: &[i64]| -> Vec<WeekCount> {
            counts
                .iter()
                .enumerate()
                .map(|(i, &count)| WeekCount {
                    week_start: NaiveDate::from_ymd_opt(2026, 9, 7).unwrap()
                        + chrono::Days::new(7 * i as u64),
                    count,
                })
                .collect()
        };
        let svg = weekly_chart(&weeks(&[0, 7, 1]), &weeks(&[2, 0, 0]));
        // max 7: gridlines every 2 up to 8.
        for tick in [">0</text>", ">2</text>", ">8</text>"] {
            assert!(svg.contains(tick), "{tick} in {svg}");
        }
        assert!(!svg.contains(">10</text>"));
        assert!(svg.contains("Week from 2026-09-14: 7 applications"));
        assert!(svg.contains("Week from 2026-09-07: 2 interactions"));
        assert!(svg.contains("Week from 2026-09-21: 1 application<"));
        let empty = weekly_chart(&weeks(&[0, 0]), &weeks(&[0, 0]));
        assert!(empty.contains("No applications or interactions"));
    }

    #[test]
    fn meters_stay_inside_their_track() {
        assert!(meter(15.0, 10.0, true).contains("width=\"100.0\""));
        assert!(meter(3.0, 0.0, false).contains("width=\"0.0\""));
        assert!(meter(1.0, 4.0, false).contains("width=\"25.0\""));
    }
}
