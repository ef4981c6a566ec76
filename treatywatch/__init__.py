"""treatywatch: which states are bound by which arms-control treaties on any day, and why."""

from treatywatch.errors import TreatywatchError

__all__ = ["TreatywatchError", "__version__"]
__version__ = "0.1.0"
