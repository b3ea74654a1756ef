"""/data: the published organisations to download, as CSV (the import format), JSON and Open Referral HSDS."""
from flask import render_template, send_file

from directory.blueprints.public import public
from directory.schemas.organisations.output import dump_public_organisations
from directory.services.organisations.open_data import FORMATS, latest_open_data_file

MIME_TYPES = {"csv": "text/csv", "json": "application/json", "hsds": "application/zip"}


@public.get("/data")
def open_data():
    downloads = {kind: latest_open_data_file(kind, dump=dump_public_organisations) for kind in FORMATS}
    return render_template("public/data.html", downloads=downloads)


@public.get("/data/organisations.<any(csv, json):kind>")
@public.get("/data/organisations.hsds.zip", defaults={"kind": "hsds"})
def open_data_download(kind):
    path, _generated_at = latest_open_data_file(kind, dump=dump_public_organisations)
    return send_file(path, mimetype=MIME_TYPES[kind], as_attachment=True,
                     download_name=f"thai-cso-organisations{FORMATS[kind]}", max_age=300)
