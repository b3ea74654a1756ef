"""Thin command-line commands: each parses its arguments, calls a service and commits once."""
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup
from tqdm import tqdm

from directory.extensions import db
from directory.services.places.reference_data import seed_reference_data

orgs_cli = AppGroup("orgs", help="Import and export organisations as CSV (and export as JSON or HSDS).")


@click.command("seed")
@click.option("--demo", is_flag=True,
              help="Also add the generated demo organisations and a demo event open for applications (marked as demo).")
def seed_command(demo):
    """Load the reference data (regions, provinces, districts, issue areas, types); idempotent."""
    from directory.services.programme.events import seed_programme_events

    counts = seed_reference_data() | seed_programme_events()
    db.session.commit()
    click.echo(", ".join(f"{count} {name}" for name, count in counts.items()))
    if demo:
        from directory.workflows.demo_data import seed_demo_organisations

        summary = seed_demo_organisations()
        db.session.commit()
        click.echo(f"demo organisations: {summary}")
        from directory.services.programme.demo_events import seed_demo_event

        counts = seed_demo_event()
        db.session.commit()
        click.echo("demo event: " + ", ".join(f"{count} {name}" for name, count in counts.items()))


@orgs_cli.command("import")
@click.argument("spreadsheet", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check every row and report, but write nothing.")
@click.option("--allow-duplicates", is_flag=True,
              help="Import rows whose Thai name is already used in the same district.")
def import_command(spreadsheet, dry_run, allow_duplicates):
    """Import organisations from a CSV (UTF-8) or Excel (.xlsx) file; any invalid row aborts the whole import.

    Every message is printed in English, then in Thai.
    """
    from directory.workflows.organisation_import import ImportFailed, import_organisations_file

    try:
        with tqdm(unit="row", desc="checking", leave=False) as bar:
            report = import_organisations_file(spreadsheet, dry_run=dry_run, progress=_advance(bar),
                                               allow_duplicates=allow_duplicates)
    except ImportFailed as failure:
        db.session.rollback()
        _echo_remarks(failure.report)
        _echo_bilingual(failure.errors, err=True)
        raise click.ClickException(f"{len(failure.errors)} error(s); nothing was imported") from None
    _echo_remarks(report)
    if dry_run:
        db.session.rollback()
        click.echo(f"dry run, nothing written: {report}")
    else:
        db.session.commit()
        click.echo(f"imported: {report}")


def _echo_remarks(report):
    for heading, remarks in (("inferred", report.inferred), ("likely duplicates, allowed", report.duplicates),
                             ("notes", report.notes)):
        if remarks:
            click.echo(f"{heading} ({len(remarks)}):")
            _echo_bilingual(remarks)


def _echo_bilingual(remarks, err=False):
    for remark in remarks:
        click.echo(str(remark), err=err)
        click.echo(f"    {remark.in_language('th')}", err=err)


@orgs_cli.command("open-data")
def open_data_command():
    """Bring the /data downloads up to date, where the data changed and the files are older than
    OPEN_DATA_MAX_AGE_S (for cron where no `flask search follow` runs: it does this while idle)."""
    from directory.schemas.organisations.output import dump_public_organisations
    from directory.services.organisations.open_data import refresh_open_data

    written = refresh_open_data(dump_public_organisations)
    click.echo(f"wrote {', '.join(written)}" if written else "the open-data files are up to date")


@orgs_cli.command("export")
@click.argument("path", type=click.Path(writable=True, path_type=Path))
@click.option("--format", "file_format", type=click.Choice(["csv", "json", "hsds"]), default="csv",
              show_default=True,
              help="csv: every organisation, in the import format; json: the published ones, as /data offers them; "
                   "hsds: the published ones as Open Referral HSDS 3.0, a folder of JSON tables.")
def export_command(path, file_format):
    """Write the organisations to a file (to a folder, created if need be, for hsds)."""
    writes_folder = file_format == "hsds"
    if path.exists() and path.is_dir() != writes_folder:
        raise click.BadParameter(f"{path} is a {'file' if writes_folder else 'folder'}; --format {file_format} "
                                 f"writes a {'folder' if writes_folder else 'file'}.", param_hint="PATH")
    if writes_folder:
        from directory.schemas.organisations.output import dump_public_organisations
        from directory.services.organisations.open_data import write_organisations_hsds

        count = write_organisations_hsds(path, dump_public_organisations)
        click.echo(f"exported {count} published organisations as HSDS 3.0 to {path}")
        return
    if file_format == "json":
        from directory.schemas.organisations.output import dump_public_organisations
        from directory.services.organisations.open_data import write_organisations_json

        count = write_organisations_json(path, dump_public_organisations)
        click.echo(f"exported {count} published organisations to {path}")
        return
    from directory.services.organisations.csv_export import export_organisations_csv

    count = export_organisations_csv(path)
    click.echo(f"exported {count} organisations to {path}")


search_cli = AppGroup("search", help="Build and check the search index.")


@search_cli.command("reindex")
def reindex_command():
    """Build a fresh index from the database in a new folder and swap it in; searches go on."""
    from directory.services.search.sync import reindex

    with tqdm(unit="doc", desc="indexing") as bar:
        reindex(progress=lambda done: bar.update(done - bar.n))
    click.echo(f"indexed {bar.n} organisations")


@search_cli.command("prune")
@click.option("--older-than-days", type=click.IntRange(min=1), default=30, show_default=True)
def prune_command(older_than_days):
    """Delete applied search-outbox entries older than the given number of days."""
    from directory.services.search.sync import prune_outbox

    count = prune_outbox(older_than_days)
    db.session.commit()
    click.echo(f"deleted {count} outbox entries")


@search_cli.command("check")
def check_command():
    """List documents missing, stale or extra in the index; exit 1 when there are any or no index."""
    from directory.services.search.sync import check_index

    try:
        report = check_index()
    except OSError as error:  # a full disk, say: the pending changes could not be applied first
        click.echo(f"could not check the search index: {error.strerror or error}", err=True)
        raise SystemExit(1) from None
    if report is None:
        click.echo("the search index is missing: run `flask search reindex`", err=True)
        raise SystemExit(1)
    for problem, ids in report.items():
        if ids:
            click.echo(f"{problem}: {len(ids)} ({', '.join(ids[:20])}{' ...' if len(ids) > 20 else ''})")
    if any(report.values()):
        raise SystemExit(1)
    click.echo("search index matches the database")


@search_cli.command("follow")
@click.option("--interval", type=click.FloatRange(min=0.05), default=0.5, show_default=True,
              help="Seconds to wait when nothing is pending.")
def follow_command(interval):
    """Apply the search outbox as it grows, until stopped (SIGTERM or Ctrl-C): run one per server."""
    import signal

    from directory.services.search.sync import follow

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    click.echo("following the search outbox; stop with Ctrl-C or SIGTERM")
    try:
        follow(stop=lambda: bool(stopping), interval=interval,
               on_batch=lambda applied: click.echo(f"applied {applied} outbox entries"),
               on_idle=_open_data_refresher())
    except KeyboardInterrupt:
        pass


def _open_data_refresher(every_s=60):
    """What the follower does while idle: bring the /data downloads up to date, looking at most once a minute."""
    import time

    from directory.schemas.organisations.output import dump_public_organisations
    from directory.services.organisations.open_data import refresh_open_data

    due = [0.0]

    def refresh():
        if time.monotonic() < due[0]:
            return
        due[0] = time.monotonic() + every_s
        try:
            written = refresh_open_data(dump_public_organisations)
        finally:
            db.session.remove()  # no transaction held open between looks
        if written:
            click.echo(f"wrote the open-data files: {', '.join(written)}")

    return refresh


@search_cli.command("status")
def status_command():
    """How far behind the database the index is: entries pending and the age of the oldest."""
    from directory.services.search.sync import sync_lag

    lag = sync_lag()
    if lag["pending"] is None:
        raise click.ClickException("the search index is missing: run `flask search reindex`")
    click.echo(f"pending: {lag['pending']} outbox entries, the oldest {lag['oldest_s']} s old")


users_cli = AppGroup("users", help="Create staff and admin accounts.")


def _create_privileged(email, password, role):
    from directory.models import UserRole
    from directory.services.accounts.users import AccountError, create_user

    try:
        user = create_user(email, password, email.split("@")[0], role=UserRole(role), verified=True)
    except AccountError as error:
        db.session.rollback()
        raise click.ClickException(f"{error.code}: {error}") from None
    db.session.commit()
    click.echo(f"created {role} account {user.email}")


@users_cli.command("create-staff")
@click.argument("email")
@click.password_option()
def create_staff_command(email, password):
    """Create a staff account (prompts for its password)."""
    _create_privileged(email, password, "staff")


@users_cli.command("create-admin")
@click.argument("email")
@click.password_option()
def create_admin_command(email, password):
    """Create an admin account (prompts for its password)."""
    _create_privileged(email, password, "admin")


events_cli = AppGroup("events", help="We Are CSO events: personal data housekeeping.")


@events_cli.command("anonymise")
@click.option("--older-than", "older_than", type=click.IntRange(min=0), required=True, metavar="DAYS",
              help="Only events whose last day (works due, else event end) is more than DAYS days ago.")
def anonymise_command(older_than):
    """Remove applicants' personal data from finished events; counts and published works stay."""
    from directory.services.programme.anonymise import anonymise_finished_events

    counts = anonymise_finished_events(older_than)
    db.session.commit()
    click.echo(f"anonymised {counts['applications']} applications in {counts['events']} events; "
               f"removed {counts['works_removed']} unpublished works")


backup_cli = AppGroup("backup", help="Back up and restore the database and the uploads folder.")


@backup_cli.command("create")
@click.argument("folder", type=click.Path(file_okay=False))
def backup_create_command(folder):
    """Write the database and uploads into FOLDER (new or empty); the index is rebuilt, not saved."""
    from directory.services.platform.backups import BackupError, create_backup

    try:
        manifest = create_backup(folder)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"backed up to {folder}: " + ", ".join(f"{n} {name}" for name, n in manifest["rows"].items()))


@backup_cli.command("restore")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--yes", is_flag=True, help="Replace the database and uploads without asking.")
def backup_restore_command(folder, yes):
    """Replace the database and uploads with FOLDER's (stop the web server first), then rebuild the index."""
    from directory.services.platform.backups import BackupError, restore_backup
    from directory.services.search.sync import reindex

    if not yes:
        click.confirm("This replaces the whole database and the uploads folder. Go on?", abort=True)
    try:
        manifest = restore_backup(folder)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    reindex()
    click.echo(f"restored the backup of {manifest['created_at']} and rebuilt the search index")


def _advance(bar):
    current = {"step": None}

    def progress(step, done, total):
        if current["step"] != step:
            current["step"] = step
            bar.reset(total)
            bar.set_description(step)
        bar.update(done - bar.n)

    return progress


def register(app: Flask):
    app.cli.add_command(seed_command)
    app.cli.add_command(orgs_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(events_cli)
    app.cli.add_command(backup_cli)
