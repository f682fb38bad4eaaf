"""The REST API's endpoints, one module per resource; :mod:`patron.api.app` joins them."""
