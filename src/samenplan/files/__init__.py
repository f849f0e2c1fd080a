"""Writing and finding files: atomic writes, OS error reasons, packaged resources."""
