"""Layout of the vertical timeline drawn (as inline SVG, by templates/timeline_svg.html) in keys and study sheets.

Time runs down a vertical axis at its true scale; each event's label sits to the right. Labels that
would overlap are gathered into clusters centred on their events and joined to their dots by leader
lines, so a busy year (seven events in 1917) stays readable without stretching the whole axis.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from ..bank import Bank, Fact
from ..when import When
from .labels import event_label, format_when

# Geometry in SVG user units (1 unit = 1 CSS px; the SVG is scaled to the text width when printed).
WIDTH = 640
AXIS_X = 78
LABEL_X = 128
FONT = 10.5  # label font size
LINE = 13.0  # label line height
GAP = 5.0  # space between neighbouring labels
CHARS = 84  # characters per label line at this width (DejaVu Sans averages ~0.55 em)
MAX_LINES = 2
MARGIN = 14.0


@dataclass
class Point:
    y: float  # the event on the axis
    y_end: float  # where a range ends (== y for a single date)
    lane: int  # ranges that overlap in time are drawn side by side
    label_y: float  # top of the label block
    date: str
    lines: list[str]

    @property
    def label_mid(self) -> float:
        return self.label_y + LINE * len(self.lines) / 2

    @property
    def baselines(self) -> list[float]:
        return [self.label_y + LINE * (i + 0.8) for i in range(len(self.lines))]


@dataclass
class Timeline:
    width: float
    height: float
    axis_x: float
    label_x: float
    axis_top: float
    axis_bottom: float
    font_size: float
    ticks: list[tuple[float, str]] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)


def dated_events(bank: Bank, facts: list[Fact] | None = None) -> list[tuple[When, str, str]]:
    """(when, date text, label) for the dated facts, one per source sentence, in date order."""
    seen: set[str] = set()
    events = []
    for fact in facts if facts is not None else bank.approved():
        w = fact.when_value
        if w is None:
            continue
        key = fact.source.quote if fact.source and fact.source.quote else fact.id
        if key in seen:  # two facts cut from one sentence tell one event
            continue
        seen.add(key)
        # The date is printed beside the label, so the label leaves it out when it can.
        events.append((w, format_when(w), event_label(fact) or event_label(fact, hide_date=False) or fact.question))
    events.sort(key=lambda e: (e[0].start, e[0].end))
    return events


def _years(w_start: tuple[int, int, int]) -> float:
    y, m, d = w_start
    return y + (m - 1) / 12 + (d - 1) / 365


def _tick_step(span: float) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
        if span / step <= 12:
            return step
    return 1000


def layout(events: list[tuple[When, str, str]]) -> Timeline | None:
    """Place the events; None when there is too little to draw (a line needs two points)."""
    if len(events) < 2:
        return None
    blocks = []
    for w, date, label in events:
        lines = textwrap.wrap(label, CHARS - len(date) // 2, max_lines=MAX_LINES, placeholder=" \u2026")
        blocks.append((w, date, lines or [""]))
    heights = [LINE * len(lines) for _, _, lines in blocks]
    first = _years(blocks[0][0].start)
    last = max(_years(w.end) for w, _, _ in blocks)
    span = max(last - first, 1.0)
    # The axis gets as much room as the labels need in all, so clusters push only where events crowd.
    axis_len = max(sum(heights) + GAP * (len(blocks) - 1), 120.0)
    scale = axis_len / span
    top = MARGIN + LINE

    def y_of(t: float) -> float:
        return top + (t - first) * scale

    ideal = [y_of(_years(w.start)) - h / 2 for (w, _, _), h in zip(blocks, heights, strict=True)]
    tops = _spread(ideal, heights, top - LINE / 2)
    points = []
    lane_ends: list[float] = []
    for (w, date, lines), t in zip(blocks, tops, strict=True):
        y = y_of(_years(w.start))
        y_end, lane = y, 0
        if w.precision == "range":
            y_end = y_of(min(_years(w.end), last))
            lane = next((i for i, end in enumerate(lane_ends) if end < y), len(lane_ends))
            lane_ends[lane:lane + 1] = [y_end]
        points.append(Point(y=y, y_end=y_end, lane=lane, label_y=t, date=date, lines=lines))
    step = _tick_step(span)
    start_tick = int(first // step * step)
    ticks = []
    year = start_tick
    while year <= last + 1e-9:
        if year >= first - 1e-9:
            ticks.append((y_of(year), f"{-year} BC" if year < 0 else str(year)))
        year += step
    bottom = max(y_of(last), max(t + h for t, h in zip(tops, heights, strict=True)))
    return Timeline(width=WIDTH, height=bottom + MARGIN, axis_x=AXIS_X, label_x=LABEL_X, axis_top=top - 6,
                    axis_bottom=y_of(last) + 6, font_size=FONT, ticks=ticks, points=points)


def _spread(ideal: list[float], heights: list[float], lowest: float) -> list[float]:
    """Top of each label: as near its ideal as possible, none overlapping, order kept.

    Overlapping labels merge into a cluster placed at the mean of its members' ideal positions;
    merging repeats until no two clusters touch (the usual 1-D label-placement sweep).
    """
    clusters: list[list[int]] = []
    tops: list[float] = []

    def size(members: list[int]) -> float:
        return sum(heights[i] for i in members) + GAP * (len(members) - 1)

    for i in range(len(ideal)):
        members, top = [i], max(ideal[i], lowest)
        while clusters and tops[-1] + size(clusters[-1]) + GAP > top:
            members = clusters.pop() + members
            tops.pop()
            offsets, acc = [], 0.0
            for m in members:
                offsets.append(acc)
                acc += heights[m] + GAP
            top = max(sum(ideal[m] - o for m, o in zip(members, offsets, strict=True)) / len(members), lowest)
        clusters.append(members)
        tops.append(top)
    out = [0.0] * len(ideal)
    for members, top in zip(clusters, tops, strict=True):
        y = top
        for m in members:
            out[m] = y
            y += heights[m] + GAP
    return out


def bank_timeline(bank: Bank, facts: list[Fact] | None = None) -> Timeline | None:
    return layout(dated_events(bank, facts))
