"""Why the operating system refused to read or write a file, in plain Dutch."""

import errno

_REASONS = {
    errno.EACCES: "je hebt daar geen toestemming voor",
    errno.EPERM: "je hebt daar geen toestemming voor",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "je schijfruimte is op",
    errno.ENOENT: "die plek bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dat is een map",
    errno.ELOOP: "een snelkoppeling die naar zichzelf wijst",
    errno.EIO: "de schijf gaf een leesfout",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ENXIO: "er leest niemand uit die pijp",
    errno.ENODEV: "dat is geen gewoon bestand, maar bijvoorbeeld een schijf of een socket",
    errno.EPIPE: "het programma dat de uitvoer las, is gestopt",
}


def reason(exc: OSError) -> str:
    """The Dutch reason for ``exc``; a generic sentence when the cause is unusual."""
    return _REASONS.get(exc.errno or 0, "het besturingssysteem weigerde het")
