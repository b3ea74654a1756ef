"""Error responses: JSON under /api, a bilingual page everywhere else. Never a stack trace."""
from flask import Flask, jsonify, render_template, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException


def wants_json():
    return request.path.startswith("/api/")


def register(app: Flask):
    @app.errorhandler(ValidationError)
    def validation_error(error):
        if wants_json():
            return jsonify(error="invalid request", fields=error.messages), 400
        return render_template("errors/error.html", code=400, fields=error.messages), 400

    @app.errorhandler(HTTPException)
    def http_error(error):
        if wants_json():
            return jsonify(error=error.description, status=error.code), error.code
        return render_template("errors/error.html", code=error.code, message=error.description), error.code

    @app.errorhandler(Exception)
    def unexpected_error(error):
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        if wants_json():
            return jsonify(error="internal error", status=500), 500
        return render_template("errors/error.html", code=500), 500
