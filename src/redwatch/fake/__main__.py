"""``python -m redwatch.fake``: the ``fake-interpol`` command without the redwatch CLI."""

from redwatch.fake.command import main

main()
