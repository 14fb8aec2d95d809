"""Every tunable of event clustering in one place: weights, bars, windows, limits."""
from __future__ import annotations

ACTOR_WEIGHT = 1.0  # a linked actor mention counts as much as a word


UNIQUE_WEIGHT = 0.3  # weight of terms no other article has (they only lengthen the vector)


MIN_SHARED = 3  # terms two articles must share for their cosine to count


KEY_TERMS = 40  # distinctive terms per article used to find candidate pairs


MIN_KEYS = 2  # distinctive terms two articles must share to be compared at all


NEAR_KEYS = 8  # ... that a pair with an undated article must share (it must be a close retelling)


MAX_POSTING = 50  # a term in more articles than this proposes no candidate pairs


WINDOW_DAYS = 14  # dated articles further apart than this are never one event


DAY_PENALTY = 0.02  # score lost for the second day between publication dates (more for each later day)


THRESHOLD = 0.14  # mean pair score two groups need to merge


UNDATED_BAR = 0.80  # cosine two undated articles need: versions of one report


MIXED_BAR = 0.60  # cosine an undated article needs with a dated one: a close retelling of that report


SAME_SOURCE_BAR = 0.45  # cosine two articles of the same outlet need


NO_PARTICIPANT_BAR = 0.45  # cosine two dated articles need when they name no participant in common


PARTICIPANT_SHARE = 0.2  # an actor named by more than this share of the articles (smoothed) is no participant


PARTICIPANT_PRIOR = 20  # ... of len(articles) + PARTICIPANT_PRIOR: in a small corpus every actor is specific


STORY_BAR = 0.30  # centroid cosine (less the day penalty) two groups of 2+ reports need to merge as one story


LEAD_DATE_SPAN = 10  # a day named in a lead at most this many days before publication can date the happening


RELATED_MIN = 0.3  # actor-profile similarity from which two events are related


RELATED_MAX = 8  # related events kept per event


PARALLEL_PAIRS = 20_000  # candidate pairs from which scoring them in several processes saves time
