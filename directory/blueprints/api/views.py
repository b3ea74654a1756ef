from directory.blueprints.api import api
