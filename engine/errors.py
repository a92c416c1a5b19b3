"""The one exception the engine lets escape for bad input."""


class ProfileError(ValueError):
    """A profile field holds a value the rules do not allow.

    `field` is the dotted path of the field (e.g. "first_language.reading");
    the message reads "<field>: <what is allowed>, got <value>".
    """

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.detail = message

    def __reduce__(self):  # keep the two-argument form picklable
        return (type(self), (self.field, self.detail))
