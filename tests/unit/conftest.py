"""Make the collection importable as ansible_collections.voipready.network."""

import os
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COLLECTIONS_PATH = os.path.join(REPO_ROOT, ".cache", "collections")
LINK = os.path.join(COLLECTIONS_PATH, "ansible_collections", "voipready", "network")

# The link is not committed (.cache/ is ignored): a fresh clone creates it here.
if not os.path.exists(LINK):
    os.makedirs(os.path.dirname(LINK), exist_ok=True)
    if os.path.islink(LINK):
        os.unlink(LINK)
    os.symlink(os.path.join("..", "..", "..", ".."), LINK)
if COLLECTIONS_PATH not in sys.path:
    sys.path.insert(0, COLLECTIONS_PATH)

# The catalog cache of these tests (module_utils/catalog.py) stays in the checkout's
# ignored .cache, not in the user's ~/.cache.
os.environ.setdefault("VOIPREADY_CACHE_DIR", os.path.join(REPO_ROOT, ".cache", "unit-catalog-cache"))
