"""``python -m redwatch.fake``: the ``fake-interpol`` command without the redwatch CLI."""

from redwatch.cli_fake import main

main()
