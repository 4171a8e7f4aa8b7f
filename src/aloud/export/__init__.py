"""Export stage: encoded chapters become the files a listener keeps."""
