"""The one shape of a service's refusal: a code for the views (which translate it) and the tests."""


class Refused(ValueError):
    def __init__(self, code, message=""):
        super().__init__(message or code)
        self.code = code
