"""Building a collection: every input into its edition in the site, one after another,
then the site's own files. An input that fails is reported and the rest still build; an
input no longer named leaves the library page and the feed, its folder kept unless pruned."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from aloud.edition_folder import BUILD_RECORD, PENDING, EditionFolder, held_lock
from aloud.errors import AloudError, OutputError, ToolMissingError, UsageError
from aloud.model import BuiltEdition
from aloud.pipeline import EditionOptions, build, estimated_duration, prepare
from aloud.progress import Progress
from aloud.publish.inputs import expand_inputs, names_a_collection
from aloud.publish.shelf import shelved
from aloud.publish.site import FEED_FILES, PublishedSite, check_site_files, publish_site
from aloud.publish.site_file import SITE_FILE, load_channel
from aloud.publish.site_record import SITE_RECORD, SiteRecord
from aloud.settings import BuildSettings

log = logging.getLogger(__name__)
SITE_LOCK = ".aloud_site.lock"  # no edition's lock: a slug has no "_"


@dataclass(frozen=True)
class Outcome:
    """What became of one input."""

    input: str
    slug: str = ""
    built: BuiltEdition | None = None
    error: str = ""  # why it failed, in one line
    seconds: float = 0.0  # how long its build took
    kept_previous: bool = False  # it failed, and the edition built from it before stays on the site

    @property
    def state(self) -> str:
        if self.built is None:
            return "failed"
        return "up to date" if self.built.up_to_date else "rebuilt" if self.built.changed else "built"


@dataclass(frozen=True)
class Tally:
    """How far the collection has come."""

    done: int
    total: int
    audio_seconds: float  # of the editions done
    eta_seconds: float | None  # until the rest are built; None until one edition has been built


class CollectionWatcher(Protocol):
    def edition(self, number: int, total: int, name: str) -> AbstractContextManager[Progress]:
        """The progress of the edition about to be built."""
        ...

    def done(self, outcome: Outcome, tally: Tally) -> None: ...


@dataclass(frozen=True)
class SiteBuild:
    site: Path
    outcomes: tuple[Outcome, ...]
    published: PublishedSite
    not_named: tuple[str, ...] = ()  # editions in the site no input names any more, kept
    pruned: tuple[str, ...] = ()  # those removed (with prune)
    prune_skipped: bool = False  # prune was asked for, but an input failed: nothing was removed
    added: bool = False  # one input built into the site, beside the editions it listed

    @property
    def failures(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.built is None)


@dataclass(frozen=True)
class _Planned:
    input: str
    slug: str
    estimate: float  # seconds of audio, from the words and pauses


def build_site(
    names: Sequence[str],
    settings: BuildSettings,
    options: EditionOptions,
    watcher: CollectionWatcher,
    base_url: str | None = None,
    prune: bool = False,
) -> SiteBuild:
    """Build every input `names` stand for into `settings.out_dir` (the site) and write the
    site's library page, and with a base URL its feed."""
    site = settings.out_dir
    inputs = expand_inputs(names, settings.readers, leave_out=site)
    if max(len(inputs), len(names)) > 1 and (options.title or options.cover):
        raise UsageError(f"--{'title' if options.title else 'cover'} is one edition's, and these are {max(len(inputs), len(names))}; "
                         "give each its own in its edition file")
    try:
        site.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{site}: cannot create the site's folder: {exc.strerror or exc}") from None
    with held_lock(site / SITE_LOCK, "the site's", f"{site}: another build of this site is running"):
        record = SiteRecord.load(site)
        adding = not names_a_collection(names) and bool(record.listed)  # one input, joining the editions listed
        if adding and prune:
            raise UsageError(f"{site} lists more editions than this input's; to prune it, name every input of the site")
        channel = load_channel(site, base_url)
        if not channel.base_url and record.base_url:  # the feed, once made, stays
            channel = replace(channel, base_url=record.base_url)
        check_site_files(record, bool(channel.base_url))
        planned, outcomes = _plan(inputs, settings, options)
        for n, failed in enumerate(outcomes, start=1):
            watcher.done(failed, Tally(n, len(inputs), 0.0, None))
        outcomes += _build_all(planned, settings, options, watcher, len(inputs), len(outcomes))
        outcomes = [_with_previous(site, o) if o.built is None else o for o in outcomes]
        order = {name: n for n, name in enumerate(inputs)}
        outcomes.sort(key=lambda o: order[o.input])
        listed = list(dict.fromkeys(o.slug for o in outcomes if o.built is not None or o.kept_previous))
        if adding:
            listed = list(dict.fromkeys([*record.listed, *listed]))
        failed = any(o.built is None for o in outcomes)
        not_named, pruned = _not_named(site, record, set(listed), prune and not failed)
        editions = [e for e in (shelved(site / slug) for slug in listed) if e is not None]
        sources = {o.slug: str(Path(o.input).resolve()) for o in outcomes if o.slug}
        published = publish_site(site, editions, channel, record, settings.source_date_epoch, sources)
    return SiteBuild(site, tuple(outcomes), published, not_named, pruned, prune and failed, adding)


def makes_a_site(names: Sequence[str], out: Path, base_url: str | None, prune: bool) -> bool:
    """Whether a build of `names` into `out` makes a site: several inputs or a folder of
    them, a feed or a prune asked for, or an `out` that is a site already."""
    if list(names) == ["-"]:
        if base_url or prune:
            raise UsageError("stdin (-) is one edition; --base-url and --prune are for a site of files")
        return False
    return (names_a_collection(names) or base_url is not None or prune or (out / SITE_FILE).is_file()
            or (out / SITE_RECORD).is_file())


def _plan(inputs: list[str], settings: BuildSettings, options: EditionOptions) -> tuple[list[_Planned], list[Outcome]]:
    """Each input read and narrated once before anything is spoken: its edition's folder
    name (two inputs may not share one) and how long it will be. Those that cannot be read
    fail here, alone."""
    planned: list[_Planned] = []
    failed: list[Outcome] = []
    taken: dict[str, str] = {}
    for path in inputs:
        try:
            prepared = prepare(path, settings, options)
        except ToolMissingError:
            raise
        except AloudError as exc:
            failed.append(Outcome(path, error=exc.message))
            continue
        slug = prepared.edition.slug
        if slug == FEED_FILES:
            failed.append(Outcome(path, slug, error=f"its edition's folder would be the site's own {FEED_FILES}; give it "
                                                  "another title (title = in its edition file)"))
        elif slug in taken:
            failed.append(Outcome(path, error=f"would be built into {settings.out_dir / slug} like {taken[slug]}; "
                                              "give one of them another title (title = in its edition file)"))
        else:
            taken[slug] = path
            estimate = estimated_duration(prepared, settings).seconds  # for the ETA: its scale cancels out
            planned.append(_Planned(path, slug, estimate))
    return planned, failed


def _build_all(planned: list[_Planned], settings: BuildSettings, options: EditionOptions,
               watcher: CollectionWatcher, total: int, already_done: int) -> list[Outcome]:
    outcomes: list[Outcome] = []
    building_seconds = built_estimate = audio = 0.0
    remaining = sum(p.estimate for p in planned)
    for number, plan in enumerate(planned, start=already_done + 1):
        started = time.monotonic()
        with watcher.edition(number, total, plan.input) as progress:
            try:
                built = build(plan.input, settings, options, progress)
            except ToolMissingError:
                raise
            except AloudError as exc:
                outcome = Outcome(plan.input, plan.slug, error=exc.message, seconds=time.monotonic() - started)
            else:
                outcome = Outcome(plan.input, plan.slug, built, seconds=time.monotonic() - started)
        remaining -= plan.estimate
        if outcome.built is not None:
            audio += outcome.built.duration
            if not outcome.built.up_to_date:
                building_seconds += outcome.seconds
                built_estimate += plan.estimate
        eta = building_seconds / built_estimate * remaining if built_estimate else None
        outcomes.append(outcome)
        watcher.done(outcome, Tally(number, total, audio, eta))
    return outcomes


def _with_previous(site: Path, outcome: Outcome) -> Outcome:
    """A failed input's outcome, with the edition built from it before (if the site holds a
    complete one), which stays on the site."""
    source = str(Path(outcome.input).resolve())
    for record_path in sorted(site.glob(f"*/{BUILD_RECORD}")):
        folder = EditionFolder(site, record_path.parent.name)
        record = folder.record()
        if record is not None and record.source == source and record.key != PENDING and shelved(folder.path):
            return replace(outcome, slug=folder.slug, kept_previous=True)
    return outcome


def _not_named(site: Path, record: SiteRecord, listed: set[str], prune: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The editions in the site that no input names any more: kept, or with `prune` removed
    (each on its own: one that cannot be is said, and left)."""
    stale = sorted(p.parent.name for p in site.glob(f"*/{BUILD_RECORD}")
                   if p.parent.name not in listed and EditionFolder(site, p.parent.name).record() is not None)
    if not prune:
        return tuple(stale), ()
    pruned, kept = [], []
    for slug in stale:
        folder = EditionFolder(site, slug)
        try:
            with folder.locked():
                left = folder.remove()
        except (OutputError, OSError) as exc:
            log.warning("%s: not removed: %s", folder.path, getattr(exc, "message", None) or exc)
            kept.append(slug)
            continue
        if left:
            log.warning("%s: removed the edition; kept what aloud did not write there or was changed: %s",
                        folder.path, ", ".join(left))
        record.forget(slug)
        pruned.append(slug)
    return tuple(kept), tuple(pruned)
