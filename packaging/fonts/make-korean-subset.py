#!/usr/bin/python3
"""Makes the Korean font the briefing report embeds: a subset of Noto Sans CJK KR Regular (SIL Open Font License
1.1) with Hangul, Latin and the punctuation the report uses, its CFF outlines converted to TrueType outlines.

Why: PDFBox 3.0 can subset and embed TrueType (glyf) fonts only; Noto Sans CJK ships as an OpenType/CFF collection,
which PDFBox can neither subset nor embed whole. Converted once here, the report embeds only the glyphs it uses.

Needs Debian's fonts-noto-cjk and python3-fonttools:
    /usr/bin/python3 packaging/fonts/make-korean-subset.py \
        src/main/resources/org/cohortplanner/export/fonts/NotoSansKR-Subset.ttf
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont, newTable

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
KOREAN = 1  # NotoSansCJKjp, kr, sc, tc, hk, ... in the collection
RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x2027), (0x2030, 0x203A), (0x2190, 0x2193), (0x2212, 0x2212),
          (0x2264, 0x2265), (0x25A0, 0x25CF), (0x3000, 0x3011), (0x3131, 0x318E), (0xAC00, 0xD7A3),
          (0xFF01, 0xFF5E)]


def main(target):
    font = TTFont(SOURCE, fontNumber=KOREAN)
    assert font["name"].getDebugName(6) == "NotoSansCJKkr-Regular", font["name"].getDebugName(6)
    options = Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=[c for first, last in RANGES for c in range(first, last + 1)])
    subsetter.subset(font)

    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0
    # A modified version under the OFL gets a name of its own.
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = "Noto Sans KR Subset for Cohort Planner"
        elif record.nameID == 6:
            record.string = "NotoSansKR-SubsetCohortPlanner"
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(target)


if __name__ == "__main__":
    main(sys.argv[1])
