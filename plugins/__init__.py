"""The product's Pelican plugins, one package per concern (``truongweb.plugins.*``),
and the speed workarounds together under :mod:`truongweb.plugins.speed`."""
