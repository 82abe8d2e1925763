//! Offers generated text or a blob to the user as a file download (browser edge).

use wasm_bindgen::JsCast;

/// Downloads `content` as a file called `file_name`.
pub fn offer_file(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    offer_blob(file_name, &blob)
}

/// Downloads `blob` (an image, say) as a file called `file_name`.
pub fn offer_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let window = web_sys::window().ok_or("inget fönster")?;
    let document = window.document().ok_or("inget dokument")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|e| format!("{e:?}"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "kunde inte skapa länk")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(|e| format!("{e:?}"))?;
    Ok(())
}
