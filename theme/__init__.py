"""The product's theme (templates and static files); a package only so that
``truongweb.settings`` can find it wherever the product is installed."""
