package org.cohortplanner.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * The user guide's Markdown (docs/user-guide*.md, bundled) laid out as the console's own nodes: headings, paragraphs
 * with bold, italic and code, lists, tables, code blocks and the guide's pictures. Written once from the document;
 * the guide window puts it in a scroll pane and lists its sections.
 */
final class GuideDocument {
    /** A heading of the guide and the node that shows it, for the list of sections. */
    record Section(int level, String title, javafx.scene.Node node) {
    }

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final double PICTURE_WIDTH = 760;

    private final VBox content = new VBox(10);
    private final List<Section> sections = new ArrayList<>();
    private final Function<String, Optional<Image>> pictures;

    private GuideDocument(Function<String, Optional<Image>> pictures) {
        this.pictures = pictures;
        content.getStyleClass().add("guide");
        content.setPadding(new Insets(16, 24, 24, 24));
    }

    /** Lays out {@code markdown}; {@code pictures} finds an image by the path the guide names (empty: not shown). */
    static GuideDocument of(String markdown, Function<String, Optional<Image>> pictures) {
        GuideDocument document = new GuideDocument(pictures);
        for (Node block = PARSER.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            document.block(block, document.content, 0);
        }
        return document;
    }

    VBox content() {
        return content;
    }

    List<Section> sections() {
        return List.copyOf(sections);
    }

    private void block(Node block, VBox into, int depth) {
        if (block instanceof Heading heading) {
            Label title = new Label(plainText(heading));
            title.setWrapText(true);
            title.getStyleClass().add("guide-h" + heading.getLevel());
            sections.add(new Section(heading.getLevel(), title.getText(), title));
            into.getChildren().add(title);
        } else if (block instanceof Paragraph paragraph) {
            into.getChildren().add(flow(paragraph));
        } else if (block instanceof BulletList || block instanceof OrderedList) {
            into.getChildren().add(list(block, depth));
        } else if (block instanceof FencedCodeBlock code) {
            into.getChildren().add(code(code.getLiteral()));
        } else if (block instanceof IndentedCodeBlock code) {
            into.getChildren().add(code(code.getLiteral()));
        } else if (block instanceof TableBlock table) {
            into.getChildren().add(table(table));
        } else if (block instanceof BlockQuote quote) {
            VBox inner = new VBox(6);
            inner.getStyleClass().add("guide-quote");
            children(quote, inner, depth);
            into.getChildren().add(inner);
        } else if (block instanceof ThematicBreak) {
            into.getChildren().add(new javafx.scene.control.Separator());
        } else {
            children(block, into, depth);
        }
    }

    private void children(Node parent, VBox into, int depth) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            block(child, into, depth);
        }
    }

    private VBox list(Node list, int depth) {
        VBox items = new VBox(4);
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(list instanceof OrderedList ? number++ + "." : depth == 0 ? "•" : "◦");
            marker.getStyleClass().add("guide-marker");
            marker.setMinWidth(22);
            VBox body = new VBox(4);
            children(item, body, depth + 1);
            HBox row = new HBox(4, marker, body);
            HBox.setHgrow(body, javafx.scene.layout.Priority.ALWAYS);
            items.getChildren().add(row);
        }
        return items;
    }

    private static Label code(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.getStyleClass().add("guide-code-block");
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private GridPane table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guide-table");
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node line = section.getFirstChild(); line != null; line = line.getNext()) {
                if (!(line instanceof TableRow)) {
                    continue;
                }
                int column = 0;
                for (Node cell = line.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell tableCell) {
                        TextFlow flow = flow(tableCell);
                        if (tableCell.isHeader()) {
                            flow.getStyleClass().add("guide-table-header");
                        }
                        grid.add(flow, column++, row);
                    }
                }
                row++;
            }
        }
        return grid;
    }

    /** A paragraph or a table cell: its words and pictures in one flow that wraps at the window's width. */
    private TextFlow flow(Node parent) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("guide-paragraph");
        inline(parent, flow, List.of());
        return flow;
    }

    private void inline(Node parent, TextFlow flow, List<String> styles) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text text) {
                flow.getChildren().add(text(text.getLiteral(), styles));
            } else if (node instanceof Code code) {
                flow.getChildren().add(text(code.getLiteral(), with(styles, "guide-code")));
            } else if (node instanceof Emphasis) {
                inline(node, flow, with(styles, "guide-italic"));
            } else if (node instanceof StrongEmphasis) {
                inline(node, flow, with(styles, "guide-bold"));
            } else if (node instanceof Link) {
                inline(node, flow, with(styles, "guide-link"));
            } else if (node instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", styles));
            } else if (node instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", styles));
            } else if (node instanceof org.commonmark.node.Image image) {
                flow.getChildren().add(picture(image));
            } else {
                inline(node, flow, styles);
            }
        }
    }

    private javafx.scene.Node picture(org.commonmark.node.Image image) {
        String description = plainText(image);
        Optional<Image> found = pictures.apply(image.getDestination());
        if (found.isEmpty()) {
            Text missing = text("[" + description + "]", List.of("guide-italic"));
            return missing;
        }
        ImageView view = new ImageView(found.get());
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setFitWidth(Math.min(PICTURE_WIDTH, found.get().getWidth()));
        view.setAccessibleText(description);
        javafx.scene.control.Tooltip.install(view, new javafx.scene.control.Tooltip(description));
        return view;
    }

    private static Text text(String literal, List<String> styles) {
        Text text = new Text(literal);
        text.getStyleClass().add("guide-text");
        text.getStyleClass().addAll(styles);
        return text;
    }

    private static List<String> with(List<String> styles, String style) {
        List<String> more = new ArrayList<>(styles);
        more.add(style);
        return more;
    }

    /** The words of a node without their formatting: a heading's title, a picture's description. */
    static String plainText(Node node) {
        StringBuilder words = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text text) {
                words.append(text.getLiteral());
            } else if (child instanceof Code code) {
                words.append(code.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                words.append(' ');
            } else {
                words.append(plainText(child));
            }
        }
        return words.toString();
    }
}
