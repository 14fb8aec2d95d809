"""Placeholder replaced below."""
def infer_published(view):
    return None, []
