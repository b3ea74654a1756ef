from flask import render_template

from directory.blueprints.public import public


@public.get("/")
def home():
    return render_template("public/home.html")
