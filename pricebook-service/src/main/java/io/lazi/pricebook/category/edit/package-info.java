/**
 * Local edits of the tree: overrides of name, image, position and CRM visibility, discarding them
 * ({@link io.lazi.pricebook.category.edit.CategoryEdits}), and changes of its shape: reorder, move,
 * create and delete ({@link io.lazi.pricebook.category.edit.CategoryStructure}). Each stays pending until
 * pushed and is announced on {@code pricebook.changed}. Owns no table of its own; writes {@code category}
 * through its one writer.
 */
@ApplicationModule(displayName = "Category edits")
@NullMarked
package io.lazi.pricebook.category.edit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
